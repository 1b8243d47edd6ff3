namespace PositionManager.Alpaca.Http;

/// <summary>
/// The client side of Alpaca's request budget (200 per minute per account by default): a token
/// bucket whose tokens come back one window after they were spent. A bucket refilled at a steady
/// rate would let a full bucket plus a window's refill through in one minute (400 of 200), which
/// Alpaca answers with 429; returning each token a window later keeps every window, wherever it
/// starts, within the limit. Callers wait for a token (cancellably) instead of failing.
/// <para>
/// It also follows what the server says (<see cref="Observe"/>): its X-RateLimit-Limit becomes the
/// limit, and until X-RateLimit-Reset no more requests go out than its X-RateLimit-Remaining allowed.
/// And exits go first: a <see cref="RequestPriority.Background"/> request waits while an urgent one
/// waits for a token or was sent within <see cref="UrgentQuiet"/> (a burst of exits sends its
/// requests back to back), so a reconciliation pass never takes the token a submit needed.
/// </para>
/// </summary>
public sealed class RequestBudget
{
    public const int AlpacaRequestsPerMinute = 200;

    /// <summary>How long after the last urgent request background ones still hold back: longer than the gateway's gap between two exits.</summary>
    public static readonly TimeSpan UrgentQuiet = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _spent = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _serverReset = DateTimeOffset.MinValue;
    private int _serverRemaining;
    private int _urgentWaiting;
    private int _inFlight;
    private DateTimeOffset _lastUrgent = DateTimeOffset.MinValue;

    /// <param name="time">The clock tokens are counted and awaited on.</param>
    /// <param name="limit">Requests per window; Alpaca's default account budget unless told otherwise (or until the server says).</param>
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

    /// <summary>Requests per window: as constructed until the server's X-RateLimit-Limit says otherwise.</summary>
    public int Limit { get; private set; }

    public TimeSpan Window { get; }

    /// <summary>Waits until an urgent request may be sent and spends a token for it.</summary>
    public ValueTask AcquireAsync(CancellationToken cancellationToken) => AcquireAsync(RequestPriority.Urgent, cancellationToken);

    /// <summary>Waits until a request of this priority may be sent and spends a token for it; pair it with <see cref="Finished"/>.</summary>
    public async ValueTask AcquireAsync(RequestPriority priority, CancellationToken cancellationToken)
    {
        if (TryTake(out var wait, priority))
        {
            return;
        }

        var urgent = priority == RequestPriority.Urgent;
        if (urgent)
        {
            Interlocked.Increment(ref _urgentWaiting);
        }

        try
        {
            do
            {
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
            while (!TryTake(out wait, priority));
        }
        finally
        {
            if (urgent)
            {
                Interlocked.Decrement(ref _urgentWaiting);
            }
        }
    }

    /// <summary>Spends a token if one is free now; otherwise tells how long until one may be.</summary>
    public bool TryTake(out TimeSpan wait, RequestPriority priority = RequestPriority.Urgent)
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

            if (priority == RequestPriority.Background && YieldsToUrgent(now, out wait))
            {
                return false;
            }

            if (now < _serverReset && _serverRemaining <= 0)
            {
                wait = _serverReset - now;
                return false;
            }

            if (_spent.Count >= Limit)
            {
                wait = _spent.Peek() + Window - now;
                return false;
            }

            _spent.Enqueue(now);
            _inFlight++;
            if (now < _serverReset)
            {
                _serverRemaining--;
            }

            if (priority == RequestPriority.Urgent)
            {
                _lastUrgent = now;
            }

            wait = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>
    /// What the server's answer said (call it before <see cref="Finished"/> for the same request): X-RateLimit-Limit, -Remaining and -Reset, each null when
    /// absent or unreadable. Until the reset, no more requests leave than the lowest remaining heard
    /// for that window (an answer overtaken by later ones does not raise it); the reset is capped at
    /// one window from now, since the time comes from the server's clock.
    /// </summary>
    public void Observe(int? limit, int? remaining, DateTimeOffset? reset)
    {
        lock (_gate)
        {
            if (limit is > 0)
            {
                Limit = limit.Value;
            }

            if (remaining is not { } left || reset is not { } at)
            {
                return;
            }

            // Requests sent but not answered yet may not be in this count: the answer's own is.
            var allowed = left - Math.Max(0, _inFlight - 1);
            var capped = Min(at, _time.GetUtcNow() + Window);
            if (capped > _serverReset)
            {
                _serverReset = capped;
                _serverRemaining = allowed;
            }
            else if (capped == _serverReset)
            {
                _serverRemaining = Math.Min(_serverRemaining, allowed);
            }
        }
    }

    /// <summary>A request taken from the budget was answered, failed or was never sent: it is no longer in flight.</summary>
    public void Finished()
    {
        lock (_gate)
        {
            if (_inFlight > 0)
            {
                _inFlight--;
            }
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

    private bool YieldsToUrgent(DateTimeOffset now, out TimeSpan wait)
    {
        if (Volatile.Read(ref _urgentWaiting) > 0)
        {
            // Woken again when the urgent ones may have gone; a token freed meanwhile is theirs.
            wait = UrgentQuiet;
            return true;
        }

        var quietAt = _lastUrgent + UrgentQuiet;
        wait = quietAt - now;
        return wait > TimeSpan.Zero;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
