using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Quotes;

namespace PositionManager.Domain.Positions;

/// <summary>
/// A retry sent as a marketable limit (<see cref="Exits.ExitPolicy.RetryLimitOffsetPercent"/>)
/// goes out <c>day</c>, the only kind options take besides <c>gtc</c>: when the market falls
/// through its limit it rests unfilled, and the rest of the exit would wait on it until the close.
/// This decides when the position asks the gateway to cancel it, so that, once the broker confirms
/// the order ended, the next quote triggers a new exit priced from the market then.
/// </summary>
public static class RestingLimit
{
    /// <summary>
    /// How long the bid (a sell's) or the ask (a buy's) must stay through the limit, on sane quotes with the market open,
    /// before the order is cancelled; and, while it still has not ended, how long until it is asked
    /// again (a lost request). Longer than the feed's repeat of an unchanged quote (10 s), so a price
    /// that stays put is seen twice before anything is cancelled.
    /// </summary>
    public static readonly TimeSpan CancelAfter = TimeSpan.FromSeconds(15);

    /// <summary>The position's watch after a quote, and whether to ask for the cancel now.</summary>
    public readonly record struct Verdict(RestingLimitWatch? Watch, bool AskCancel);

    private static readonly Verdict NotWatching = new(null, false);

    public static Verdict OnQuote(PositionState state, RestingLimitWatch? watch, MarketQuote quote, MarketMoment market, TimeSpan maxQuoteAge)
    {
        // Only an order the broker has: a cancel must have an order to end, and a limit still on
        // its way through the gateway may yet fill when it arrives.
        if (!state.IsOpen || state.PendingExit is not { LimitPrice: { } limit, BrokerOrderId: not null } pending || !market.IsOpen)
        {
            return NotWatching;
        }

        // Whether the order can trade is a matter of the side it trades against (a sell at the bid, a
        // buy at the ask), whatever price the policy watches: with the mid watched, a sell limit the
        // bid fell through while the mid stayed above it would otherwise rest until the close.
        var now = market.Now;
        if (QuoteSanity.Check(quote, state.Symbol!.Value, now, maxQuoteAge).Quote is not { } sane
            || !IsThrough(state.ClosingSide, TradablePrice(state.ClosingSide, sane), limit))
        {
            return NotWatching;
        }

        // A gap without sane quotes longer than the rest period says nothing of where the price was.
        if (watch is null || watch.ExitSequence != pending.ExitSequence || now - watch.LastSeenAt > CancelAfter)
        {
            return new Verdict(new RestingLimitWatch(pending.ExitSequence, now, now), false);
        }

        return now - watch.ThroughSince >= CancelAfter
            ? new Verdict(new RestingLimitWatch(pending.ExitSequence, now, now), true)
            : new Verdict(watch with { LastSeenAt = now }, false);
    }

    /// <summary>Where an order of this side trades: a sell at the bid, a buy at the ask.</summary>
    public static decimal TradablePrice(OrderSide closingSide, SaneQuote quote) =>
        closingSide == OrderSide.Sell ? quote.Bid : quote.Ask;

    /// <summary>The price is on the side of the limit where the order cannot trade: below a sell's, above a buy's.</summary>
    public static bool IsThrough(OrderSide closingSide, decimal price, decimal limit) =>
        closingSide == OrderSide.Sell ? price < limit : price > limit;
}
