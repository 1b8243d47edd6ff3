using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary>A trail that keeps (100 − X)% of the best gain: stop = entry + (peak − entry) × (1 − X/100).</summary>
public class GivebackTrailTests
{
    private static readonly ExitPolicy GiveBackAQuarter = new(Trailing: TrailingStopRule.Giveback(25));

    private static PositionState Long(ExitPolicy policy) => APosition.Long(10).At(5.00m).With(policy).Build();

    private static PositionState Short(ExitPolicy policy) => APosition.Short(10).At(5.00m).With(policy).Build();

    private static PositionState Walk(PositionState state, params decimal[] bids) =>
        bids.Aggregate(state, (s, bid) => s.Tick(bid).State);

    [Fact]
    public void Nothing_trails_until_the_price_has_been_above_entry()
    {
        var opened = Long(GiveBackAQuarter);
        var (atEntry, atEntryDecision) = opened.Tick(5.00m);
        var (below, belowDecision) = atEntry.Tick(3.00m);

        Assert.False(opened.TrailArmed);
        Assert.Null(opened.Stop);
        Assert.Empty(atEntryDecision.Events);
        Assert.Empty(belowDecision.Events);
        Assert.Null(below.Stop);
    }

    [Theory]
    [InlineData(5.01, 5.0075)]
    [InlineData(6.00, 5.75)]
    [InlineData(7.00, 6.50)]
    [InlineData(9.00, 8.00)]
    public void A_long_keeps_three_quarters_of_its_best_gain(double peak, double stop)
    {
        var state = Long(GiveBackAQuarter).Tick((decimal)peak).State;

        Assert.True(state.TrailArmed);
        Assert.Equal((decimal)stop, state.Stop);
    }

    [Theory]
    [InlineData(6.51, false)]
    [InlineData(6.50, true)]
    [InlineData(6.49, true)]
    [InlineData(5.00, true)]
    public void A_long_exits_at_and_below_the_kept_gain(double bid, bool fires)
    {
        var state = Walk(Long(GiveBackAQuarter), 6.00m, 7.00m);

        var exit = state.Tick((decimal)bid).Decision.Events.OfType<ExitTriggered>().SingleOrDefault();

        Assert.Equal(fires, exit is { Reason: ExitReason.TrailingStop, Quantity: 10 });
    }

    [Fact]
    public void A_gap_far_through_the_kept_gain_still_fires_at_the_gap_price()
    {
        var exit = Walk(Long(GiveBackAQuarter), 7.00m).Tick(2.00m).Decision.Single<ExitTriggered>();

        Assert.Equal((ExitReason.TrailingStop, 2.00m), (exit.Reason, exit.TriggerPrice));
    }

    [Theory]
    [InlineData(4.99, 4.9925)]
    [InlineData(4.00, 4.25)]
    [InlineData(3.00, 3.50)]
    public void A_short_keeps_three_quarters_of_its_best_gain_below_entry(double trough, double stop)
    {
        var state = Short(GiveBackAQuarter).Tick((decimal)trough).State;

        Assert.True(state.TrailArmed);
        Assert.Equal((decimal)stop, state.Stop);
    }

    [Theory]
    [InlineData(3.49, false)]
    [InlineData(3.50, true)]
    [InlineData(3.51, true)]
    public void A_short_exits_at_and_above_the_kept_gain(double price, bool fires)
    {
        var state = Short(GiveBackAQuarter).Tick(3.00m).State;

        var exit = state.Tick((decimal)price).Decision.Events.OfType<ExitTriggered>().SingleOrDefault();

        Assert.Equal(fires, exit is { Reason: ExitReason.TrailingStop });
    }

    [Fact]
    public void A_short_above_its_entry_has_nothing_to_give_back()
    {
        var (state, decision) = Short(GiveBackAQuarter).Tick(6.00m);

        Assert.Empty(decision.Events);
        Assert.Null(state.Stop);
    }

    [Fact]
    public void Falling_back_from_a_new_peak_never_lowers_the_stop()
    {
        var state = Walk(Long(GiveBackAQuarter), 9.00m, 8.10m, 8.50m);

        Assert.Equal((9.00m, 8.00m), (state.Peak, state.Stop));
    }

    [Fact]
    public void Giving_back_everything_is_a_break_even_stop()
    {
        var state = Long(new ExitPolicy(Trailing: TrailingStopRule.Giveback(100))).Tick(6.00m).State;

        Assert.Equal(5.00m, state.Stop);
        Assert.Empty(state.Tick(5.01m).Decision.Events);
        Assert.Equal(ExitReason.TrailingStop, state.Tick(5.00m).Decision.Single<ExitTriggered>().Reason);
    }

    [Theory]
    [InlineData(5.99, false)]
    [InlineData(6.00, true)]
    public void With_an_activation_the_give_back_arms_at_that_gain(double peak, bool armed)
    {
        var state = Long(new ExitPolicy(Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(20))).Tick((decimal)peak).State;

        Assert.Equal(armed, state.TrailArmed);
        Assert.Equal(armed ? 5.75m : null, state.Stop);
    }

    [Fact]
    public void An_activation_at_no_gain_still_waits_for_a_price_above_entry()
    {
        var opened = Long(new ExitPolicy(Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(0)));

        Assert.False(opened.TrailArmed);
        Assert.True(opened.Tick(5.04m).State.TrailArmed);
    }

    [Fact]
    public void A_change_to_a_give_back_sets_the_stop_it_implies_at_the_peak_or_none_without_a_gain()
    {
        var up = APosition.Long(10).At(5m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10))).Build().Tick(8m).State;
        var flat = APosition.Long(10).At(5m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10))).Build();

        var changedUp = up.Fold(PositionDecisions.ChangePolicy(up, GiveBackAQuarter, APosition.OpenedAt));
        var changedFlat = flat.Fold(PositionDecisions.ChangePolicy(flat, GiveBackAQuarter, APosition.OpenedAt));

        Assert.Equal((true, 7.25m), (changedUp.TrailArmed, changedUp.Stop));
        Assert.Equal((false, (decimal?)null), (changedFlat.TrailArmed, changedFlat.Stop));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(0.01, true)]
    [InlineData(100, true)]
    [InlineData(100.01, false)]
    public void A_give_back_is_above_0_and_at_most_100_percent(double percent, bool valid)
    {
        var problems = new ExitPolicy(Trailing: TrailingStopRule.Giveback((decimal)percent)).Problems();

        Assert.Equal(valid, problems.Count == 0);
        Assert.All(problems, p => Assert.Contains("give-back", p));
    }

    [Fact]
    public void The_policy_text_says_how_much_of_the_gain_it_gives_back()
    {
        Assert.Equal("trailing giving back 25% of the best gain (armed once in profit) on bid", ExitPolicyText.Describe(GiveBackAQuarter));
        Assert.Equal("trailing giving back 25% of the best gain (armed at +20%) on bid", ExitPolicyText.Describe(new ExitPolicy(Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(20))));
    }
}
