namespace PositionManager.Alpaca.Http;

/// <summary>
/// The client side of Alpaca's request budget (200 per minute per account by default): a token
/// bucket whose tokens come back one window after they were spent. A bucket refilled at a steady
/// rate would let a full bucket plus a window's refill through in one minute (400 of 200), which
/// Alpaca answers with 429; returning each token a window later keeps every window, wherever it
/// starts, within the limit. Callers wait for a token (cancellably) instead of failing.
/// Also honours the server's own count: <see cref="PauseUntil"/> holds every call until its reset.
/// </summary>
public sealed class RequestBudget
{
    public const int AlpacaRequestsPerMinute = 200;

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _spent = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <param name="time">The clock tokens are counted and awaited on.</param>
    /// <param name="limit">Requests per window; Alpaca's default account budget unless told otherwise.</param>
    /// <param name="window">One minute unless told otherwise.</param>
    public RequestBudget(TimeProvider time, int limit = AlpacaRequestsPerMinute, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        _time = time;
        Limit = limit;
        Window = window ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Window, TimeSpan.Zero, nameof(window));
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Waits until a request may be sent and spends a token for it.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        while (!TryTake(out var wait))
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Spends a token if one is free now; otherwise tells how long until one may be.</summary>
    public bool TryTake(out TimeSpan wait)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            while (_spent.Count > 0 && _spent.Peek() + Window <= now)
            {
                _spent.Dequeue();
            }

            if (now < _pausedUntil)
            {
                wait = _pausedUntil - now;
                return false;
            }

            if (_spent.Count < Limit)
            {
                _spent.Enqueue(now);
                wait = TimeSpan.Zero;
                return true;
            }

            wait = _spent.Peek() + Window - now;
            return false;
        }
    }

    /// <summary>
    /// Holds every call until <paramref name="until"/> (the server said its budget is spent). The
    /// pause is capped at one window from now: the time comes from the server's clock, and a skewed
    /// or bogus value must not stop the client for longer than the server's own window.
    /// </summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            var capped = Min(until, _time.GetUtcNow() + Window);
            if (capped > _pausedUntil)
            {
                _pausedUntil = capped;
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
