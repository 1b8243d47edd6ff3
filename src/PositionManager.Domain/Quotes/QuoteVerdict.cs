namespace PositionManager.Domain.Quotes;

public sealed record QuoteVerdict(SaneQuote? Quote, QuoteProblem? Problem, string Reason)
{
    public bool IsSane => Quote is not null;

    public static QuoteVerdict Sane(SaneQuote quote) => new(quote, null, string.Empty);

    public static QuoteVerdict Rejected(QuoteProblem problem, string reason) => new(null, problem, reason);
}
