using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Prices;

/// <summary>
/// The feed's memory of one symbol: who watches it, what was last forwarded, and when it last had
/// a usable quote. Owned by the feed actor, so never shared between threads.
/// </summary>
internal sealed class SymbolFeed(string symbol, DateTimeOffset watchedSince)
{
    private MarketQuote? _lastForwarded;
    private DateTimeOffset _lastForwardedAt;
    private DateTimeOffset _lastSaneAt = watchedSince;

    public string Symbol { get; } = symbol;

    public List<string> PositionIds { get; } = [];

    public bool WantsLastTrade { get; set; }

    public bool IsStale { get; private set; }

    /// <summary>When the quote stream last sent a quote of this symbol (sane or not); null: never on this connection.</summary>
    public DateTimeOffset? LastStreamedAt { get; set; }

    /// <param name="quote">The symbol's quote in this poll; null when the answer had none or the poll failed.</param>
    /// <param name="missingReason">Why there is no quote, for the stale report.</param>
    public SymbolObservation Observe(MarketQuote? quote, string missingReason, DateTimeOffset now, PriceFeedSettings settings)
    {
        QuoteVerdict? verdict = quote is null ? null : QuoteSanity.Check(quote, Symbol, now, settings.MaxQuoteAge);
        if (verdict is { IsSane: true })
        {
            var recovered = IsStale;
            IsStale = false;
            _lastSaneAt = now;
            return new SymbolObservation(ShouldForward(quote!, now, settings.RepeatUnchangedAfter) ? quote : null, null, null, recovered);
        }

        // A stale quote is already past the age limit; anything else gets that long to recover.
        var reason = verdict?.Reason ?? missingReason;
        var becameStale = !IsStale && (verdict?.Problem == QuoteProblem.Stale || now - _lastSaneAt > settings.MaxQuoteAge);
        IsStale |= becameStale;
        return new SymbolObservation(null, verdict?.Problem, becameStale ? reason : null, false);
    }

    private bool ShouldForward(MarketQuote quote, DateTimeOffset now, TimeSpan repeatAfter)
    {
        // Compared by price, not time: a venue re-stamping the same bid and ask changes nothing a
        // position decides on.
        var changed = _lastForwarded is not { } last
            || !last.Bid.Equals(quote.Bid) || !last.Ask.Equals(quote.Ask) || !Nullable.Equals(last.Last, quote.Last);
        if (!changed && now - _lastForwardedAt < repeatAfter)
        {
            return false;
        }

        _lastForwarded = quote;
        _lastForwardedAt = now;
        return true;
    }
}
