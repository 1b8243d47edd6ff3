using PositionManager.Actors.Positions;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Node.Admin;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>The underlying <c>positions list</c> shows and filters on is the broker's, not the OCC root.</summary>
public sealed class PositionSummaryTests
{
    private static readonly DateTimeOffset At = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_adjusted_contract_is_listed_under_its_broker_underlying_and_one_journaled_before_rules_under_its_root()
    {
        const string adjusted = "LCID1260220C00002500";
        var adopted = PositionState.New(adjusted).Apply(new PositionOpened(adjusted, adjusted, PositionSide.Long, 4, 1.10m, ExitPolicy.None, OpenOrigin.Adopted, At, "LCID", "lcid"));
        var beforeRules = PositionState.New(adjusted).Apply(new PositionOpenedV1(adjusted, adjusted, PositionSide.Long, 4, 1.10m, ExitPolicy.None, OpenOrigin.Adopted, At));

        Assert.Equal("LCID", PositionViews.Summary(new PositionProtocol.PositionView(adopted, null, null)).Underlying);
        Assert.Equal("LCID1", PositionViews.Summary(new PositionProtocol.PositionView(beforeRules, null, null)).Underlying);
    }
}
