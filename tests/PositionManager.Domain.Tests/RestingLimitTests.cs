using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary>
/// A retry limit the market fell through rests at the broker (options take only day or gtc): the
/// position asks for its cancel once the watched price has stayed through the limit for
/// <see cref="RestingLimit.CancelAfter"/> on sane quotes with the market open, and only for a limit
/// the broker has.
/// </summary>
public class RestingLimitTests
{
    private static readonly DateTimeOffset Refused = APosition.OpenedAt.AddMinutes(5);
    private static readonly DateTimeOffset Retried = Refused + RejectionBackoff.After(1);
    private static readonly ExitPolicy TrailWithLimitRetry = new(Trailing: TrailingStopRule.Percent(10), RetryLimitOffsetPercent: 2);

    /// <summary>A long whose first close was refused and whose retry, a sell limit at 3.91 (bid 3.99 less 2%), is at the broker.</summary>
    private static PositionState RestingSellLimit(ExitPolicy? policy = null)
    {
        var state = APosition.Long(10).At(5.00m).With(policy ?? TrailWithLimitRetry).Build();
        var (pending, _) = state.Tick(4.00m, Refused.AddSeconds(-1));
        var refused = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Rejected(1, "insufficient qty"), Refused));
        var (retried, decision) = refused.Tick(3.99m, Retried);
        var exit = decision.Single<ExitTriggered>();
        return retried.Fold(PositionDecisions.OnOrderOutcome(retried, new OrderOutcome.Submitted(exit.ExitSequence, exit.ClientOrderId, "ord-2"), Retried));
    }

    private static List<bool> Watch(PositionState state, IEnumerable<(decimal Bid, MarketMoment Market)> quotes)
    {
        RestingLimitWatch? watch = null;
        var asked = new List<bool>();
        foreach (var (bid, market) in quotes)
        {
            var verdict = RestingLimit.OnQuote(state, watch, Builders.Quotes.Bid(state, bid, market.Now), market, Builders.Quotes.MaxAge);
            watch = verdict.Watch;
            asked.Add(verdict.AskCancel);
        }

        return asked;
    }

    private static IEnumerable<(decimal, MarketMoment)> Every5Seconds(decimal bid, int count, Func<DateTimeOffset, MarketMoment>? market = null) =>
        Enumerable.Range(1, count).Select(i => (bid, (market ?? MarketMoment.WithoutClock)(Retried.AddSeconds(5 * i))));

    [Fact]
    public void A_sell_limit_the_bid_stays_below_for_the_rest_period_is_cancelled_once()
    {
        var state = RestingSellLimit();

        var asked = Watch(state, Every5Seconds(3.50m, 6)); // through at 5 s; 15 s later (20 s) it is due

        Assert.Equal(3.91m, state.PendingExit!.LimitPrice);
        Assert.Equal([false, false, false, true, false, false], asked);
    }

    [Fact]
    public void A_sell_limit_the_bid_fell_through_is_cancelled_even_while_the_watched_mid_stays_above_it()
    {
        var state = RestingSellLimit(TrailWithLimitRetry with { PriceSource = PriceSource.Mid });
        RestingLimitWatch? watch = null;
        var asked = new List<bool>();
        for (var i = 1; i <= 4; i++)
        {
            // Bid 3.80, ask 4.10: the mid (3.95) is above the limit, but a sell trades at the bid.
            var at = Retried.AddSeconds(5 * i);
            var verdict = RestingLimit.OnQuote(state, watch, new MarketQuote(state.Symbol!.Value, 3.80, 4.10, null, at), MarketMoment.WithoutClock(at), Builders.Quotes.MaxAge);
            watch = verdict.Watch;
            asked.Add(verdict.AskCancel);
        }

        Assert.Equal(3.91m, state.PendingExit!.LimitPrice);
        Assert.Equal([false, false, false, true], asked);
    }

    [Fact]
    public void A_cancel_still_unanswered_is_asked_again_after_another_rest_period()
    {
        var asked = Watch(RestingSellLimit(), Every5Seconds(3.50m, 7));

        Assert.Equal(2, asked.Count(a => a));
        Assert.True(asked[3] && asked[6]);
    }

    [Fact]
    public void A_price_back_on_the_marketable_side_starts_the_rest_period_again()
    {
        var state = RestingSellLimit();
        var quotes = Every5Seconds(3.50m, 3).Append((3.95m, MarketMoment.WithoutClock(Retried.AddSeconds(20)))).Concat(
            Enumerable.Range(5, 3).Select(i => (3.50m, MarketMoment.WithoutClock(Retried.AddSeconds(5 * i)))));

        Assert.All(Watch(state, quotes), Assert.False);
    }

    [Fact]
    public void Nothing_is_cancelled_while_the_market_is_closed()
    {
        var asked = Watch(RestingSellLimit(), Every5Seconds(3.50m, 8, t => MarketMoment.Closed(t)));

        Assert.All(asked, Assert.False);
    }

    [Fact]
    public void A_gap_without_sane_quotes_longer_than_the_rest_period_starts_it_again()
    {
        var state = RestingSellLimit();
        var quotes = new[] { 5, 40, 50 }.Select(s => (3.50m, MarketMoment.WithoutClock(Retried.AddSeconds(s))));

        Assert.All(Watch(state, quotes), Assert.False);
    }

    [Fact]
    public void A_pending_market_order_is_never_cancelled()
    {
        var state = APosition.Long(10).At(5.00m).With(TrailWithLimitRetry).Build();
        var (pending, decision) = state.Tick(4.00m, Retried);
        var exit = decision.Single<ExitTriggered>();
        var submitted = pending.Fold(PositionDecisions.OnOrderOutcome(pending, new OrderOutcome.Submitted(1, exit.ClientOrderId, "ord-1"), Retried));

        var asked = Watch(submitted, Every5Seconds(1.00m, 20));

        Assert.Null(submitted.PendingExit!.LimitPrice);
        Assert.All(asked, Assert.False);
    }

    [Fact]
    public void A_limit_not_yet_at_the_broker_is_not_cancelled()
    {
        var state = RestingSellLimit();
        var unsubmitted = state with { PendingExit = state.PendingExit! with { BrokerOrderId = null } };

        Assert.All(Watch(unsubmitted, Every5Seconds(3.50m, 8)), Assert.False);
    }

    [Fact]
    public void Once_cancelled_the_next_quote_triggers_a_new_limit_priced_from_the_market_then()
    {
        var state = RestingSellLimit();
        var at = Retried.AddSeconds(25);

        var canceled = state.Fold(PositionDecisions.OnOrderOutcome(state, new OrderOutcome.Ended(2, "canceled"), at));
        var replacement = canceled.Tick(3.50m, at.AddSeconds(1)).Decision.Single<ExitTriggered>();

        Assert.Equal(3, replacement.ExitSequence);
        Assert.NotEqual(state.PendingExit!.ClientOrderId, replacement.ClientOrderId);
        Assert.Equal(3.43m, replacement.LimitPrice); // 3.50 × 0.98, down to the cent
        Assert.Equal(10, replacement.Quantity);
    }
}
