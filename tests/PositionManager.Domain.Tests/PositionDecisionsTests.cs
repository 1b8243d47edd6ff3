using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

public class PositionDecisionsTests
{
    private static readonly DateTimeOffset Now = APosition.OpenedAt.AddMinutes(5);
    private static readonly ExitPolicy TrailTen = new(Trailing: TrailingStopRule.Percent(10));

    private static PositionState Triggered(out ExitTriggered exit)
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen).Build();
        var (pending, decision) = state.Tick(4.00m);
        exit = decision.Single<ExitTriggered>();
        return pending;
    }

    [Fact]
    public void Opening_journals_one_event_with_the_position_as_given()
    {
        var decision = PositionDecisions.Open(PositionState.New("GOOGL260220C00340000"), APosition.Long(10).At(5m).With(TrailTen).Command(), Now);

        var opened = decision.Single<PositionOpened>();
        Assert.Equal(("GOOGL260220C00340000", PositionSide.Long, 10, 5m), (opened.Symbol, opened.Side, opened.Quantity, opened.EntryPrice));
    }

    [Fact]
    public void Opening_an_open_position_again_is_idempotent()
    {
        var state = APosition.Long(10).Build();

        var decision = PositionDecisions.Open(state, APosition.Long(10).Command(), Now);

        Assert.Empty(decision.Events);
        Assert.False(decision.IsRefused);
    }

    [Fact]
    public void A_stock_ticker_is_never_taken_under_management()
    {
        var decision = PositionDecisions.Open(PositionState.New("GOOGL"), APosition.Long(10).Of("GOOGL").Command(), Now);

        Assert.True(decision.IsRefused);
        Assert.Contains("stock is never managed", decision.Refusal);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(10, 0)]
    public void Opening_needs_a_positive_quantity_and_entry(int quantity, double entry)
    {
        Assert.True(PositionDecisions.Open(PositionState.New("X"), APosition.Long(quantity).At((decimal)entry).Command(), Now).IsRefused);
    }

    [Fact]
    public void A_tick_that_does_not_raise_the_peak_produces_no_event()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen).Build().Tick(6m).State;

        Assert.Empty(state.Tick(5.99m).Decision.Events);
        Assert.Empty(state.Tick(6.00m).Decision.Events);
    }

    [Fact]
    public void A_new_peak_raises_peak_and_stop_together()
    {
        var (state, decision) = APosition.Long(10).At(5.00m).With(TrailTen).Build().Tick(6m);

        var raised = decision.Single<PeakRaised>();
        Assert.Equal((6m, 5.4m), (raised.Peak, raised.Stop));
        Assert.Equal((6m, 5.4m), (state.Peak, state.Stop));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    public void Bad_quotes_move_no_stop_and_trigger_no_exit(double bid)
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen with { StopLossPercent = 10 }).Build();
        var quote = new Quotes.MarketQuote(state.Symbol!.Value, bid, 5.2, null, Now);

        var decision = PositionDecisions.OnQuote(state, quote, MarketMoment.WithoutClock(Now), Builders.Quotes.MaxAge);

        Assert.True(decision.IsRefused);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_crossed_quote_far_below_the_stop_triggers_no_exit()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen).Build();
        var crossed = new Quotes.MarketQuote(state.Symbol!.Value, 1.00, 0.90, null, Now);

        Assert.Empty(PositionDecisions.OnQuote(state, crossed, MarketMoment.WithoutClock(Now), Builders.Quotes.MaxAge).Events);
    }

    [Fact]
    public void A_stale_quote_triggers_no_exit()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen).Build();
        var stale = new Quotes.MarketQuote(state.Symbol!.Value, 1.00, 1.01, null, Now - TimeSpan.FromMinutes(5));

        Assert.Empty(PositionDecisions.OnQuote(state, stale, MarketMoment.WithoutClock(Now), Builders.Quotes.MaxAge).Events);
    }

    [Fact]
    public void An_exit_closes_a_long_with_sell_to_close_and_a_deterministic_client_order_id()
    {
        var pending = Triggered(out var exit);

        Assert.Equal(PositionIntent.SellToClose, pending.ClosingIntent);
        Assert.Equal(OrderSide.Sell, pending.ClosingSide);
        Assert.Equal(1, exit.ExitSequence);
        Assert.Equal(ClientOrderId.For(pending.PositionId, "GOOGL260220C00340000", APosition.OpenedAt, 1), exit.ClientOrderId);
        Assert.Equal(exit.ClientOrderId, pending.PendingExit!.ClientOrderId);
    }

    [Fact]
    public void While_an_exit_is_pending_no_second_exit_fires()
    {
        var pending = Triggered(out _);

        Assert.Empty(pending.Tick(3.00m).Decision.Events.OfType<ExitTriggered>());
        Assert.True(PositionDecisions.RequestClose(pending, Now).IsRefused);
    }

    [Fact]
    public void A_rejected_exit_fires_again_on_the_first_evaluation_after_its_backoff_with_a_new_sequence()
    {
        var pending = Triggered(out var first);
        var rejected = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Rejected(1, "insufficient qty"), Now));

        var duringBackoff = rejected.Tick(3.90m, Now + RejectionBackoff.After(1) - TimeSpan.FromMilliseconds(1)).Decision;
        var retry = rejected.Tick(3.90m, Now + RejectionBackoff.After(1)).Decision.Single<ExitTriggered>();

        Assert.Empty(duringBackoff.Events.OfType<ExitTriggered>());
        Assert.Equal(1, rejected.ConsecutiveRejections);
        Assert.Equal(2, retry.ExitSequence);
        Assert.NotEqual(first.ClientOrderId, retry.ClientOrderId);
    }

    [Fact]
    public void A_first_exit_is_a_market_order_even_when_the_policy_retries_with_a_limit()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen with { RetryLimitOffsetPercent = 2 }).Build();

        var exit = state.Tick(4.00m).Decision.Single<ExitTriggered>();

        Assert.Null(exit.LimitPrice);
    }

    [Fact]
    public void After_a_refusal_the_policy_retries_a_long_with_a_marketable_limit_below_the_bid_in_whole_cents()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailTen with { RetryLimitOffsetPercent = 2 }).Build();
        var (pending, _) = state.Tick(4.00m);
        var rejected = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Rejected(1, "insufficient qty"), Now));

        var (retried, decision) = rejected.Tick(3.99m, Now + RejectionBackoff.After(1));

        Assert.Equal(3.91m, decision.Single<ExitTriggered>().LimitPrice); // 3.99 × 0.98 = 3.9102, down to the cent
        Assert.Equal(3.91m, retried.PendingExit!.LimitPrice);
    }

    [Fact]
    public void After_a_refusal_without_a_limit_policy_the_retry_is_a_market_order_again()
    {
        var pending = Triggered(out _);
        var rejected = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Rejected(1, "insufficient qty"), Now));

        Assert.Null(rejected.Tick(3.99m, Now + RejectionBackoff.After(1)).Decision.Single<ExitTriggered>().LimitPrice);
    }

    [Fact]
    public void Backoff_after_rejections_doubles_up_to_a_minute()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), RejectionBackoff.After(1));
        Assert.Equal(TimeSpan.FromSeconds(2), RejectionBackoff.After(2));
        Assert.Equal(TimeSpan.FromSeconds(32), RejectionBackoff.After(6));
        Assert.Equal(TimeSpan.FromSeconds(60), RejectionBackoff.After(7));
        Assert.Equal(TimeSpan.FromSeconds(60), RejectionBackoff.After(50));
    }

    [Fact]
    public void Partial_then_full_fill_reduces_the_quantity_and_closes_the_position()
    {
        var pending = Triggered(out _);

        var partly = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Fill(1, 4, 3.95m, false), Now));
        var repeated = PositionDecisions.OnOrderOutcome(partly, new OrderOutcome.Fill(1, 4, 3.95m, false), Now);
        var decision = PositionDecisions.OnOrderOutcome(partly, new OrderOutcome.Fill(1, 10, 3.93m, true), Now);
        var closed = partly.Fold(decision);

        Assert.Equal(6, partly.Quantity);
        Assert.Empty(repeated.Events);
        Assert.Equal(0, closed.Quantity);
        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.IsType<PositionClosed>(decision.Events[^1]);
    }

    [Fact]
    public void An_overfill_report_never_drives_the_quantity_below_zero()
    {
        var pending = Triggered(out _);

        var closed = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Fill(1, 50, 3.9m, true), Now));

        Assert.Equal(0, closed.Quantity);
    }

    [Fact]
    public void A_canceled_exit_after_a_partial_fill_keeps_the_rest_open()
    {
        var pending = Triggered(out _);
        var partly = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Fill(1, 3, 3.95m, false), Now));

        var canceled = partly.Fold(PositionDecisions.OnOrderOutcome(partly, new OrderOutcome.Ended(1, "canceled"), Now));

        Assert.Equal((PositionStatus.Open, 7), (canceled.Status, canceled.Quantity));
        Assert.Null(canceled.PendingExit);
    }

    [Fact]
    public void Outcomes_of_an_exit_that_is_not_pending_change_nothing()
    {
        var pending = Triggered(out _);

        Assert.Empty(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Fill(7, 10, 1m, true), Now).Events);
        Assert.Empty(PositionDecisions.OnOrderOutcome(APosition.Long(10).Build(), new OrderOutcome.Rejected(1, "x"), Now).Events);
    }

    [Fact]
    public void Submission_records_the_broker_order_id_once()
    {
        var pending = Triggered(out var exit);
        var submitted = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Submitted(1, exit.ClientOrderId, "ord-1"), Now));

        Assert.Equal("ord-1", submitted.PendingExit!.BrokerOrderId);
        Assert.Empty(PositionDecisions.OnOrderOutcome(submitted, new OrderOutcome.Submitted(1, exit.ClientOrderId, "ord-1"), Now).Events);
    }

    [Fact]
    public void A_closed_position_stays_closed_on_any_later_message()
    {
        var state = APosition.Long(10).With(TrailTen).Build();
        var closed = state.Fold(PositionDecisions.OnBrokerFlat(state, "not held at the broker", Now));

        Assert.Equal(PositionStatus.Closed, closed.Status);
        Assert.Empty(closed.Tick(50m).Decision.Events);
        Assert.True(PositionDecisions.Open(closed, APosition.Long(10).Command(), Now).IsRefused);
        Assert.True(PositionDecisions.ChangePolicy(closed, ExitPolicy.None, Now).IsRefused);
        Assert.True(PositionDecisions.RequestClose(closed, Now).IsRefused);
        Assert.Empty(PositionDecisions.OnClock(closed, MarketMoment.WithoutClock(Now.AddYears(1))).Events);
        Assert.Empty(PositionDecisions.OnBrokerFlat(closed, "again", Now).Events);
    }

    [Fact]
    public void A_contract_bought_again_after_its_close_is_adopted_again_as_a_new_lifecycle()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build();
        var triggered = state.Fold(state.Tick(4.40m).Decision);
        var exit = triggered.PendingExit!;
        var closed = triggered.Fold(PositionDecisions.OnOrderOutcome(triggered, new OrderOutcome.Fill(exit.ExitSequence, 10, 4.40m, true), Now));
        Assert.Equal(PositionStatus.Closed, closed.Status);
        var later = Now.AddHours(2);

        var again = PositionDecisions.Open(closed, APosition.Long(3).At(2.10m).With(TrailTen).Command() with { Origin = OpenOrigin.AdoptedAgain }, later);
        var reopened = closed.Fold(again);

        var opened = Assert.IsType<PositionOpened>(Assert.Single(again.Events));
        Assert.Equal(OpenOrigin.AdoptedAgain, opened.Origin);
        Assert.Equal((PositionStatus.Open, 3, 3, 2.10m, 2.10m, later), (reopened.Status, reopened.Quantity, reopened.OriginalQuantity, reopened.EntryPrice, reopened.Peak, reopened.OpenedAt));
        Assert.Null(reopened.ClosedReason);
        Assert.Null(reopened.PendingExit);
        Assert.Equal(0, reopened.ConsecutiveRejections);
        // Exit numbers keep counting, and the new open time makes every client_order_id new.
        Assert.Equal(closed.NextExitSequence, reopened.NextExitSequence);
        Assert.Empty(PositionDecisions.Open(reopened, APosition.Long(3).Command() with { Origin = OpenOrigin.AdoptedAgain }, later).Events);
    }

    [Fact]
    public void A_manual_close_exits_the_whole_remaining_quantity()
    {
        var exit = PositionDecisions.RequestClose(APosition.Long(7).Build(), Now).Single<ExitTriggered>();

        Assert.Equal((ExitReason.Manual, 7), (exit.Reason, exit.Quantity));
    }

    [Fact]
    public void A_policy_change_sets_the_stop_the_new_policy_implies_at_the_peak()
    {
        var state = APosition.Long(10).At(5m).With(TrailTen).Build().Tick(8m).State;

        var changed = state.Fold(PositionDecisions.ChangePolicy(state, new ExitPolicy(Trailing: TrailingStopRule.Amount(0.5m)), Now));

        Assert.Equal(7.5m, changed.Stop);
        Assert.True(PositionDecisions.ChangePolicy(state, new ExitPolicy(StopLossPercent: 200), Now).IsRefused);
    }

    [Fact]
    public void A_short_trails_its_trough_and_closes_with_buy_to_close()
    {
        var state = APosition.Short(5).At(5.00m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10))).Build();
        Assert.Equal(5.5m, state.Stop);

        var (lower, _) = state.Tick(4.00m);
        Assert.Equal((4.00m, 4.40m), (lower.Peak, lower.Stop));
        Assert.Empty(lower.Tick(4.39m).Decision.Events);

        var exit = lower.Tick(4.40m).Decision.Single<ExitTriggered>();
        Assert.Equal(ExitReason.TrailingStop, exit.Reason);
        Assert.Equal(PositionIntent.BuyToClose, lower.ClosingIntent);
        Assert.Equal(OrderSide.Buy, lower.ClosingSide);
    }

    [Fact]
    public void A_short_stop_loss_fires_when_the_price_rises()
    {
        var state = APosition.Short(5).At(5.00m).With(new ExitPolicy(StopLossPercent: 20, TakeProfitPercent: 50)).Build();

        Assert.Equal(ExitReason.StopLoss, state.Tick(6.00m).Decision.Single<ExitTriggered>().Reason);
        Assert.Equal(ExitReason.TakeProfit, state.Tick(2.50m).Decision.Single<ExitTriggered>().Reason);
        Assert.Empty(state.Tick(5.50m).Decision.Events);
    }
}
