namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// Reconnect delays: initial, doubling, capped; back to initial once a connection worked. No
/// jitter: one process holds the account's one stream, so there is no herd to spread.
/// </summary>
internal sealed class ExponentialBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private TimeSpan _next;

    public ExponentialBackoff(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
        _next = initial;
    }

    public TimeSpan Next()
    {
        var delay = _next;
        _next = _next >= _max / 2 ? _max : _next * 2;
        return delay;
    }

    public void Reset() => _next = _initial;
}
