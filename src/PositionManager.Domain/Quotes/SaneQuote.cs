namespace PositionManager.Domain.Quotes;

/// <summary>A quote that passed every sanity check: positive, finite, uncrossed and fresh.</summary>
public sealed record SaneQuote(string Symbol, decimal Bid, decimal Ask, decimal? Last, DateTimeOffset Time)
{
    public decimal Mid => (Bid + Ask) / 2m;

    /// <summary>The price a position watches, or null when its source has none (no last trade yet).</summary>
    public decimal? PriceFor(PriceSource source) => source switch
    {
        PriceSource.Bid => Bid,
        PriceSource.Ask => Ask,
        PriceSource.Mid => Mid,
        PriceSource.Last => Last,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };
}
