using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary>During a minimum hold only the stop loss (and expiry's time exits) may fire.</summary>
public class MinHoldTests
{
    private static readonly DateTimeOffset Opened = APosition.OpenedAt;
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(30);

    private static readonly ExitPolicy Everything = new(
        StopLossPercent: 20,
        TakeProfitPercent: 30,
        Trailing: TrailingStopRule.Percent(10),
        ScaleOuts: ScaleOutText.Parse("10:50"),
        MinHold: Hold);

    private static PositionState Long(ExitPolicy policy) => APosition.Long(10).At(5.00m).With(policy).Build();

    private static ExitTriggered? ExitAt(PositionState state, decimal bid, DateTimeOffset at) =>
        state.Tick(bid, at).Decision.Events.OfType<ExitTriggered>().SingleOrDefault();

    [Theory]
    [InlineData(4.01, false)]
    [InlineData(4.00, true)]
    [InlineData(2.00, true)]
    public void A_deep_loss_exits_during_the_hold(double bid, bool fires)
    {
        var exit = ExitAt(Long(Everything), (decimal)bid, Opened.AddMinutes(1));

        Assert.Equal(fires, exit is { Reason: ExitReason.StopLoss, Quantity: 10 });
    }

    [Fact]
    public void The_trail_take_profit_and_scale_outs_wait_for_the_hold_to_end()
    {
        var state = Long(Everything);

        Assert.Null(ExitAt(state, 4.40m, Opened.AddMinutes(1)));           // through the trailing stop at 4.50
        Assert.Null(ExitAt(state, 6.60m, Opened.AddMinutes(1)));           // take profit and the scale-out
        Assert.Null(ExitAt(state, 6.60m, Opened + Hold - TimeSpan.FromSeconds(1)));
        Assert.Equal(ExitReason.TakeProfit, ExitAt(state, 6.60m, Opened + Hold)!.Reason);
        Assert.Equal(ExitReason.TrailingStop, ExitAt(state, 4.40m, Opened + Hold)!.Reason);
    }

    [Fact]
    public void The_trail_follows_the_price_during_the_hold_and_fires_after_it()
    {
        var state = Long(new ExitPolicy(Trailing: TrailingStopRule.Percent(10), MinHold: Hold));

        var (risen, _) = state.Tick(8.00m, Opened.AddMinutes(5));
        var (fallen, during) = risen.Tick(7.00m, Opened.AddMinutes(10));

        Assert.Equal(7.20m, risen.Stop);
        Assert.Empty(during.Events);
        Assert.Equal((ExitReason.TrailingStop, 7.00m), ExitAt(fallen, 7.00m, Opened + Hold) is { } exit ? (exit.Reason, exit.TriggerPrice!.Value) : default);
    }

    [Fact]
    public void Session_close_and_max_hold_wait_for_the_hold_but_expiry_does_not()
    {
        var sessionClose = Long(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 390), MinHold: Hold));
        var maxHold = Long(new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: Hold + TimeSpan.FromSeconds(1)), MinHold: Hold));
        var expiry = Long(new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 30), MinHold: Hold));
        var now = MarketMoment.WithoutClock(Opened.AddMinutes(1));

        Assert.Equal(TimeExitCause.SessionClose, ExitEvaluator.DueTimeExit(sessionClose.Policy.TimeExit, sessionClose.Symbol!.Expiry, Opened, now));
        Assert.Empty(PositionDecisions.OnClock(sessionClose, now).Events);
        Assert.NotEmpty(PositionDecisions.OnClock(sessionClose, MarketMoment.WithoutClock(Opened + Hold)).Events);
        Assert.Empty(PositionDecisions.OnClock(maxHold, MarketMoment.WithoutClock(Opened + Hold)).Events);
        Assert.NotEmpty(PositionDecisions.OnClock(maxHold, MarketMoment.WithoutClock(Opened + Hold + TimeSpan.FromSeconds(1))).Events);
        Assert.Equal(ExitReason.TimeExit, PositionDecisions.OnClock(expiry, now).Single<ExitTriggered>().Reason);
    }

    [Fact]
    public void A_manual_close_is_not_held_back()
    {
        var exit = PositionDecisions.RequestClose(Long(Everything), Opened.AddMinutes(1)).Single<ExitTriggered>();

        Assert.Equal(ExitReason.Manual, exit.Reason);
    }

    [Fact]
    public void The_hold_counts_from_the_journaled_open()
    {
        var state = Long(Everything);

        Assert.True(ExitEvaluator.IsInMinHold(state, Opened + Hold - TimeSpan.FromTicks(1)));
        Assert.False(ExitEvaluator.IsInMinHold(state, Opened + Hold));
        Assert.False(ExitEvaluator.IsInMinHold(Long(Everything with { MinHold = null }), Opened));
    }
}
