namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Alpaca's per-account request budget: <c>limit</c> requests per clock minute. Counts on the
/// broker's clock, so tests under a manual clock see exactly the window they set up.
/// </summary>
public sealed class RateLimitWindow(TimeProvider time, int limit)
{
    private readonly Lock _gate = new();
    private long _windowStart = long.MinValue;
    private int _used;

    public int Limit => limit;

    /// <summary>Counts one request (when <paramref name="count"/>) and tells what is left.</summary>
    public (int Remaining, long ResetEpochSeconds, bool Exceeded) Register(bool count)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var windowStart = now - (now % 60);
        lock (_gate)
        {
            if (windowStart != _windowStart)
            {
                _windowStart = windowStart;
                _used = 0;
            }

            if (count)
            {
                _used++;
            }

            return (Math.Max(0, limit - _used), windowStart + 60, _used > limit);
        }
    }
}
