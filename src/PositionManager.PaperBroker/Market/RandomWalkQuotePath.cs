namespace PositionManager.PaperBroker.Market;

/// <summary>
/// A seeded random walk of the mid, one step per <c>step</c> interval, with a proportional spread.
/// Steps are generated forward and cached, so a given seed and instant always yield the same quote.
/// </summary>
public sealed class RandomWalkQuotePath : IQuotePath
{
    private const decimal Tick = 0.01m;
    private readonly Lock _gate = new();
    private readonly DateTimeOffset _start;
    private readonly TimeSpan _step;
    private readonly double _volatility;
    private readonly decimal _spreadFraction;
    private readonly Random _random;
    private readonly List<decimal> _mids;

    public RandomWalkQuotePath(int seed, DateTimeOffset start, decimal startMid, TimeSpan step, double volatility, decimal spreadFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(startMid);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        _start = start;
        _step = step;
        _volatility = volatility;
        _spreadFraction = spreadFraction;
        _random = new Random(seed);
        _mids = [startMid];
    }

    public SimQuote QuoteAt(DateTimeOffset time)
    {
        var index = time <= _start ? 0 : (int)Math.Min((time - _start).Ticks / _step.Ticks, 10_000_000);
        decimal mid;
        lock (_gate)
        {
            while (_mids.Count <= index)
            {
                var move = (decimal)((_random.NextDouble() * 2.0 - 1.0) * _volatility);
                _mids.Add(Math.Max(Tick * 5, _mids[^1] * (1m + move)));
            }

            mid = _mids[index];
        }

        var half = Math.Max(Tick / 2, mid * _spreadFraction / 2);
        var bid = Math.Max(Tick, Math.Round(mid - half, 2, MidpointRounding.ToNegativeInfinity));
        var ask = Math.Max(bid + Tick, Math.Round(mid + half, 2, MidpointRounding.ToPositiveInfinity));
        var sizeSeed = (index * 7) % 20;
        return new SimQuote(_start + _step * index, bid, ask, 5 + sizeSeed, 5 + (sizeSeed * 3 % 20));
    }
}
