namespace PositionManager.PaperBroker.Market;

/// <summary>
/// A timed list of bid/ask: each point holds until the next one. Before the first point the first
/// point is served, so a symbol always has a quote once it has a path.
/// </summary>
public sealed class ScriptedQuotePath : IQuotePath
{
    private readonly DateTimeOffset _start;
    private readonly ScriptedQuote[] _points;

    public ScriptedQuotePath(DateTimeOffset start, IEnumerable<ScriptedQuote> points)
    {
        _start = start;
        _points = [.. points.OrderBy(p => p.At)];
        if (_points.Length == 0)
        {
            throw new ArgumentException("a scripted quote path needs at least one point", nameof(points));
        }

        foreach (var point in _points)
        {
            if (point.Bid < 0 || point.Ask < point.Bid)
            {
                throw new ArgumentException($"scripted quote at {point.At} has bid {point.Bid} and ask {point.Ask}", nameof(points));
            }
        }
    }

    public static ScriptedQuotePath Fixed(DateTimeOffset since, decimal bid, decimal ask, int bidSize = 10, int askSize = 10) =>
        new(since, [new ScriptedQuote(TimeSpan.Zero, bid, ask, bidSize, askSize)]);

    public SimQuote QuoteAt(DateTimeOffset time)
    {
        var current = _points[0];
        foreach (var point in _points)
        {
            if (_start + point.At > time)
            {
                break;
            }

            current = point;
        }

        return new SimQuote(_start + current.At, current.Bid, current.Ask, current.BidSize, current.AskSize);
    }
}
