namespace PositionManager.Domain.Quotes;

/// <summary>
/// Invariant 8: bad input never trades. A quote that is not finite, not positive, crossed, stale
/// or from the future is rejected with its reason and moves nothing. A zero bid is rejected too:
/// it says "no market", not "worth nothing", and must not fire a stop.
/// </summary>
public static class QuoteSanity
{
    /// <summary>Clock skew tolerated between the quote's venue time and ours.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(5);

    /// <summary>No listed option trades near this per share; anything above is a feed error.</summary>
    public const double MaxPrice = 1_000_000;

    public static QuoteVerdict Check(MarketQuote quote, string expectedSymbol, DateTimeOffset now, TimeSpan maxAge)
    {
        if (!string.Equals(quote.Symbol, expectedSymbol, StringComparison.Ordinal))
        {
            return QuoteVerdict.Rejected(QuoteProblem.WrongSymbol, $"quote for '{quote.Symbol}' reached '{expectedSymbol}'");
        }

        if (!double.IsFinite(quote.Bid) || !double.IsFinite(quote.Ask) || quote.Last is { } l && !double.IsFinite(l))
        {
            return QuoteVerdict.Rejected(QuoteProblem.NonFinite, $"non-finite price (bid {quote.Bid}, ask {quote.Ask}, last {quote.Last})");
        }

        if (quote.Bid <= 0 || quote.Ask <= 0 || quote.Last is <= 0)
        {
            return QuoteVerdict.Rejected(QuoteProblem.NonPositive, $"zero or negative price (bid {quote.Bid}, ask {quote.Ask}, last {quote.Last})");
        }

        if (quote.Ask > MaxPrice || quote.Bid > MaxPrice || quote.Last > MaxPrice)
        {
            return QuoteVerdict.Rejected(QuoteProblem.OutOfRange, $"price above {MaxPrice} (bid {quote.Bid}, ask {quote.Ask}, last {quote.Last})");
        }

        if (quote.Bid > quote.Ask)
        {
            return QuoteVerdict.Rejected(QuoteProblem.Crossed, $"crossed market: bid {quote.Bid} above ask {quote.Ask}");
        }

        var age = now - quote.Time;
        if (age > maxAge)
        {
            return QuoteVerdict.Rejected(QuoteProblem.Stale, $"quote is {age.TotalSeconds:F1}s old, limit {maxAge.TotalSeconds:F1}s");
        }

        if (-age > FutureTolerance)
        {
            return QuoteVerdict.Rejected(QuoteProblem.FromTheFuture, $"quote time is {(-age).TotalSeconds:F1}s ahead of the clock");
        }

        return QuoteVerdict.Sane(new SaneQuote(
            quote.Symbol,
            ToPrice(quote.Bid),
            ToPrice(quote.Ask),
            quote.Last is { } last ? ToPrice(last) : null,
            quote.Time));
    }

    // Market data prices are decimal quantities sent as binary doubles; rounding to 6 places
    // removes the binary noise (0.1 + 0.2) without touching any real option price.
    private static decimal ToPrice(double value) => decimal.Round((decimal)value, 6);
}
