using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

public class ReapplyRuleTests
{
    private static readonly DateTimeOffset Now = APosition.OpenedAt.AddHours(1);
    private static readonly ExitPolicy TrailTen = new(Trailing: TrailingStopRule.Percent(10));
    private static readonly ExitPolicy TrailFive = new(Trailing: TrailingStopRule.Percent(5));

    [Fact]
    public void A_reapplied_rule_journals_its_name_and_sets_the_stop_its_policy_implies_at_the_peak()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build().Tick(8m).State;

        var change = PositionDecisions.ReapplyRule(state, "megacaps", TrailFive, "GOOGL", Now).Single<PolicyChanged>();
        var changed = state.Apply(change);

        Assert.Equal(("megacaps", true, 7.6m), (change.RuleName, change.Reapplied, change.Stop));
        Assert.Equal(("megacaps", "GOOGL", TrailFive), (changed.RuleName, changed.UnderlyingSymbol, changed.Policy));
    }

    [Fact]
    public void Reapplying_the_rule_and_policy_a_position_has_decides_nothing()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build();

        var decision = PositionDecisions.ReapplyRule(state, PolicyBook.DefaultName, TrailTen, "GOOGL", Now);

        Assert.Empty(decision.Events);
        Assert.False(decision.IsRefused);
    }

    [Fact]
    public void A_policy_set_by_hand_keeps_the_rule_the_position_came_from()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build();
        var reapplied = state.Fold(PositionDecisions.ReapplyRule(state, "megacaps", TrailFive, "GOOGL", Now));

        var byHand = reapplied.Fold(PositionDecisions.ChangePolicy(reapplied, TrailTen, Now));

        Assert.Equal(("megacaps", "GOOGL", TrailTen), (byHand.RuleName, byHand.UnderlyingSymbol, byHand.Policy));
    }

    [Fact]
    public void A_closed_position_is_not_reapplied()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build();
        var closed = state.Apply(new PositionClosed("gone", Now));

        Assert.True(PositionDecisions.ReapplyRule(closed, "megacaps", TrailFive, "GOOGL", Now).IsRefused);
    }
}
