using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary>While the market is closed no exit triggers and no quote moves a peak or stop; the first sane tick after the open decides.</summary>
public class MarketClosedTests
{
    private static readonly DateTimeOffset Night = APosition.OpenedAt.AddHours(9);
    private static readonly DateTimeOffset Morning = APosition.OpenedAt.AddHours(18);
    private static readonly ExitPolicy Trail = new(StopLossPercent: 50, TakeProfitPercent: 100, Trailing: TrailingStopRule.Percent(10));

    [Fact]
    public void A_crossing_quote_while_closed_triggers_nothing_then_exactly_one_exit_at_the_open()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail).Build();

        var (closed, whileClosed) = state.Tick(4.00m, MarketMoment.Closed(Night));
        var (again, repeated) = closed.Tick(4.00m, MarketMoment.Closed(Night.AddMinutes(1)));
        var (open, atTheOpen) = again.Tick(4.00m, MarketMoment.Open(Morning));
        var (_, afterwards) = open.Tick(3.90m, MarketMoment.Open(Morning.AddSeconds(1)));

        Assert.True(whileClosed.IsRefused);
        Assert.Empty(whileClosed.Events);
        Assert.Empty(repeated.Events);
        Assert.Equal(state, again);
        Assert.Equal((ExitReason.TrailingStop, 10, 4.00m), atTheOpen.Single<ExitTriggered>() is var e ? (e.Reason, e.Quantity, e.TriggerPrice!.Value) : default);
        Assert.Empty(afterwards.Events.OfType<ExitTriggered>());
    }

    [Fact]
    public void Quotes_while_closed_move_no_peak_or_stop()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail).Build();

        var (closed, decision) = state.Tick(9.00m, MarketMoment.Closed(Night));

        Assert.Empty(decision.Events);
        Assert.Equal((5.00m, 4.50m), (closed.Peak, closed.Stop));
    }

    [Fact]
    public void The_first_tick_after_the_open_decides_on_its_own_price()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail).Build().Tick(9.00m, MarketMoment.Closed(Night)).State;

        var (open, decision) = state.Tick(6.00m, MarketMoment.Open(Morning));

        Assert.Equal((6.00m, 5.40m), (open.Peak, open.Stop));
        Assert.Empty(decision.Events.OfType<ExitTriggered>());
    }

    [Fact]
    public void A_stop_loss_and_take_profit_wait_for_the_open_too()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(StopLossPercent: 20, TakeProfitPercent: 30)).Build();

        Assert.Empty(state.Tick(1.00m, MarketMoment.Closed(Night)).Decision.Events);
        Assert.Empty(state.Tick(9.00m, MarketMoment.Closed(Night)).Decision.Events);
        Assert.Equal(ExitReason.StopLoss, state.Tick(1.00m, MarketMoment.Open(Morning)).Decision.Single<ExitTriggered>().Reason);
    }

    [Fact]
    public void The_evaluator_calls_for_nothing_while_closed()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail with { TimeExit = new TimeExitRule(DaysBeforeExpiry: 365) }).Build();

        Assert.Null(ExitEvaluator.Evaluate(state, 1.00m, MarketMoment.Closed(Night)));
        Assert.Null(ExitEvaluator.Evaluate(state, null, MarketMoment.Closed(Night)));
        Assert.Equal(ExitReason.StopLoss, ExitEvaluator.Evaluate(state, 1.00m, MarketMoment.Open(Night))!.Reason);
        Assert.Equal(ExitReason.TimeExit, ExitEvaluator.Evaluate(state, null, MarketMoment.Open(Night))!.Reason);
    }

    [Fact]
    public void A_default_moment_counts_as_closed()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail).Build();

        Assert.Null(ExitEvaluator.Evaluate(state, 1.00m, default));
    }

    [Fact]
    public void Commands_still_work_while_closed()
    {
        var state = APosition.Long(10).At(5.00m).With(Trail).Build();

        Assert.False(PositionDecisions.ChangePolicy(state, new ExitPolicy(StopLossPercent: 10), Night).IsRefused);
        Assert.Equal(ExitReason.Manual, PositionDecisions.RequestClose(state, Night).Single<ExitTriggered>().Reason);
    }
}
