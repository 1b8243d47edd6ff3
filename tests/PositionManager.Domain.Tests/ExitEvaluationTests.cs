using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

public class ExitEvaluationTests
{
    private static ExitTriggered? ExitAt(ExitPolicy policy, params decimal[] bids)
    {
        var state = APosition.Long(10).At(5.00m).With(policy).Build();
        foreach (var bid in bids)
        {
            var (next, decision) = state.Tick(bid);
            if (decision.Events.OfType<ExitTriggered>().SingleOrDefault() is { } exit)
            {
                return exit;
            }

            state = next;
        }

        return null;
    }

    [Theory]
    [InlineData(4.01, false)]
    [InlineData(4.00, true)]
    [InlineData(3.99, true)]
    public void Stop_loss_fires_at_and_below_its_level(double bid, bool fires)
    {
        var exit = ExitAt(new ExitPolicy(StopLossPercent: 20), (decimal)bid);

        Assert.Equal(fires, exit is { Reason: ExitReason.StopLoss, Quantity: 10 });
    }

    [Theory]
    [InlineData(6.49, false)]
    [InlineData(6.50, true)]
    [InlineData(9.00, true)]
    public void Take_profit_fires_at_and_above_its_level(double bid, bool fires)
    {
        var exit = ExitAt(new ExitPolicy(TakeProfitPercent: 30), (decimal)bid);

        Assert.Equal(fires, exit is { Reason: ExitReason.TakeProfit, Quantity: 10 });
    }

    [Theory]
    [InlineData(9.01, false)]
    [InlineData(9.00, true)]
    [InlineData(8.99, true)]
    public void Percent_trail_fires_at_and_below_ten_percent_under_the_peak(double bid, bool fires)
    {
        var exit = ExitAt(new ExitPolicy(Trailing: TrailingStopRule.Percent(10)), 7m, 10m, (decimal)bid);

        Assert.Equal(fires, exit is { Reason: ExitReason.TrailingStop });
    }

    [Theory]
    [InlineData(9.26, false)]
    [InlineData(9.25, true)]
    public void Amount_trail_fires_a_fixed_amount_under_the_peak(double bid, bool fires)
    {
        var exit = ExitAt(new ExitPolicy(Trailing: TrailingStopRule.Amount(0.75m)), 10m, (decimal)bid);

        Assert.Equal(fires, exit is { Reason: ExitReason.TrailingStop });
    }

    [Fact]
    public void A_gap_far_through_the_stop_still_fires_and_records_the_gap_price()
    {
        var exit = ExitAt(new ExitPolicy(Trailing: TrailingStopRule.Percent(10)), 10m, 2.10m);

        Assert.Equal(ExitReason.TrailingStop, exit!.Reason);
        Assert.Equal(2.10m, exit.TriggerPrice);
    }

    [Fact]
    public void An_unarmed_trail_does_not_fire_below_its_would_be_stop()
    {
        var policy = new ExitPolicy(Trailing: TrailingStopRule.Percent(10).ArmedAtGain(50));

        Assert.Null(ExitAt(policy, 7.40m, 6.00m));
    }

    [Theory]
    [InlineData(7.49, false)]
    [InlineData(7.50, true)]
    public void Trail_arms_when_the_gain_reaches_its_activation(double peak, bool armed)
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10).ArmedAtGain(50))).Build();

        var (next, _) = state.Tick((decimal)peak);

        Assert.Equal(armed, next.TrailArmed);
        Assert.Equal(armed ? (decimal)peak * 0.9m : null, next.Stop);
    }

    [Fact]
    public void Trail_arms_when_the_price_reaches_its_activation_price()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10).ArmedAtPrice(6m))).Build();

        var (below, _) = state.Tick(5.99m);
        var (at, _) = below.Tick(6.00m);

        Assert.False(below.TrailArmed);
        Assert.True(at.TrailArmed);
        Assert.Equal(5.40m, at.Stop);
    }

    [Fact]
    public void Once_armed_the_trail_stays_armed_after_the_price_falls_back()
    {
        var policy = new ExitPolicy(Trailing: TrailingStopRule.Percent(10).ArmedAtGain(50));

        var exit = ExitAt(policy, 8.00m, 7.20m);

        Assert.Equal(ExitReason.TrailingStop, exit!.Reason);
    }

    [Fact]
    public void Without_activation_the_trail_is_armed_from_entry()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10))).Build();

        Assert.True(state.TrailArmed);
        Assert.Equal(4.50m, state.Stop);
    }

    [Fact]
    public void Stop_loss_beats_trail_when_both_fire()
    {
        var exit = ExitAt(new ExitPolicy(StopLossPercent: 10, Trailing: TrailingStopRule.Percent(5)), 4.00m);

        Assert.Equal(ExitReason.StopLoss, exit!.Reason);
    }

    [Fact]
    public void Scale_out_closes_a_share_of_the_original_quantity_once()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(ScaleOuts: [new ScaleOutTarget(20, 30)])).Build();

        var (pending, decision) = state.Tick(6.00m);
        var exit = decision.Single<ExitTriggered>();
        Assert.Equal(ExitReason.ScaleOut, exit.Reason);
        Assert.Equal(3, exit.Quantity);
        Assert.Equal(0, exit.ScaleOutIndex);

        var filled = pending.Fold(Positions.PositionDecisions.OnOrderOutcome(pending, new Positions.OrderOutcome.Fill(exit.ExitSequence, 3, 6m, true), APosition.OpenedAt));
        Assert.Equal(7, filled.Quantity);
        Assert.Equal(10, filled.OriginalQuantity);
        Assert.True(filled.IsScaleOutDone(0));
        Assert.Empty(filled.Tick(6.50m).Decision.Events.OfType<ExitTriggered>());
    }

    [Theory]
    [InlineData(1, 100, 1)]
    [InlineData(3, 50, 1)]
    [InlineData(10, 100, 10)]
    public void Scale_out_rounds_its_share_down_and_never_closes_more_than_held(int quantity, double percent, int expected)
    {
        var state = APosition.Long(quantity).At(5.00m).With(new ExitPolicy(ScaleOuts: [new ScaleOutTarget(10, (decimal)percent)])).Build();

        Assert.Equal(expected, state.Tick(6m).Decision.Single<ExitTriggered>().Quantity);
    }

    [Fact]
    public void Take_profit_beats_a_scale_out_at_the_same_price()
    {
        var exit = ExitAt(new ExitPolicy(TakeProfitPercent: 20, ScaleOuts: [new ScaleOutTarget(20, 50)]), 6.00m);

        Assert.Equal(ExitReason.TakeProfit, exit!.Reason);
        Assert.Equal(10, exit.Quantity);
    }

    [Fact]
    public void Time_exit_fires_minutes_before_the_close_on_expiry_day()
    {
        // GOOGL260220: expiry 2026-02-20; 16:00 New York is 21:00 UTC in February.
        var rule = new TimeExitRule(MinutesBeforeCloseOnExpiry: 30);
        var expiry = new DateOnly(2026, 2, 20);

        Assert.Null(ExitEvaluator.DueTimeExit(rule, expiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 2, 20, 20, 29, 59, TimeSpan.Zero))));
        Assert.Equal(TimeExitCause.CloseOnExpiry, ExitEvaluator.DueTimeExit(rule, expiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 2, 20, 20, 30, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Time_exit_follows_new_york_daylight_saving()
    {
        var rule = new TimeExitRule(MinutesBeforeCloseOnExpiry: 0);
        var summerExpiry = new DateOnly(2026, 7, 17);

        Assert.Null(ExitEvaluator.DueTimeExit(rule, summerExpiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 7, 17, 19, 59, 0, TimeSpan.Zero))));
        Assert.NotNull(ExitEvaluator.DueTimeExit(rule, summerExpiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 7, 17, 20, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Time_exit_fires_from_days_before_expiry_by_the_new_york_date()
    {
        var rule = new TimeExitRule(DaysBeforeExpiry: 2);
        var expiry = new DateOnly(2026, 2, 20);

        // 2026-02-18 03:00 UTC is still the 17th in New York.
        Assert.Null(ExitEvaluator.DueTimeExit(rule, expiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 2, 18, 3, 0, 0, TimeSpan.Zero))));
        Assert.Equal(TimeExitCause.DaysBeforeExpiry, ExitEvaluator.DueTimeExit(rule, expiry, APosition.OpenedAt, MarketMoment.WithoutClock(new DateTimeOffset(2026, 2, 18, 5, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Time_exit_fires_on_the_clock_without_any_quote()
    {
        var state = APosition.Long(4).At(5.00m).With(new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 1))).Build();

        var decision = Positions.PositionDecisions.OnClock(state, MarketMoment.WithoutClock(new DateTimeOffset(2026, 2, 19, 15, 0, 0, TimeSpan.Zero)));

        Assert.Equal(ExitReason.TimeExit, decision.Single<ExitTriggered>().Reason);
        Assert.Empty(Positions.PositionDecisions.OnClock(state, MarketMoment.WithoutClock(APosition.OpenedAt)).Events);
    }

    [Fact]
    public void A_position_watching_the_mid_trails_the_mid()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(Trailing: TrailingStopRule.Percent(10), PriceSource: PriceSource.Mid)).Build();

        var (next, _) = state.Tick(6.00m);

        Assert.Equal(6.005m, next.Peak);
    }

    [Fact]
    public void A_position_watching_last_ignores_quotes_without_a_trade()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(StopLossPercent: 10, PriceSource: PriceSource.Last)).Build();

        var (_, decision) = state.Tick(1.00m);

        Assert.True(decision.IsRefused);
        Assert.Empty(decision.Events);
    }

    [Theory]
    [InlineData(0, "stop loss")]
    [InlineData(100, "stop loss")]
    public void Invalid_policies_say_what_is_wrong(double stopLoss, string fragment)
    {
        Assert.Contains(new ExitPolicy(StopLossPercent: (decimal)stopLoss).Problems(), p => p.Contains(fragment));
    }

    [Fact]
    public void Every_invalid_part_of_a_policy_is_reported()
    {
        var policy = new ExitPolicy(
            StopLossPercent: -1,
            TakeProfitPercent: 0,
            Trailing: new TrailingStopRule(TrailMode.Percent, 150, ActivationGainPercent: -1),
            ScaleOuts: [new ScaleOutTarget(0, 120)],
            TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 400));

        Assert.Equal(6, policy.Problems().Count);
        Assert.Empty(new ExitPolicy(10, 50, TrailingStopRule.Percent(5), [new ScaleOutTarget(20, 50)], new TimeExitRule(15, 1)).Problems());
    }
}
