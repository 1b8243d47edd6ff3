namespace PositionManager.PaperBroker.Faults;

/// <summary>
/// The faults the next requests meet. Each "next N" counter is consumed one request (or order) at a
/// time, so a test arms exactly the failures it asserts on.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private FaultSettings _armed = new();

    /// <summary>Raised by <see cref="DropStreams"/>; the stream hub aborts every open websocket.</summary>
    public event Func<int>? StreamsDropRequested;

    public FaultSettings Current
    {
        get
        {
            lock (_gate)
            {
                return Copy(_armed);
            }
        }
    }

    /// <summary>Replaces every armed fault (a copy is kept, so later changes to the argument do nothing).</summary>
    public void Arm(FaultSettings settings)
    {
        lock (_gate)
        {
            _armed = Copy(settings);
        }
    }

    public void Clear() => Arm(new FaultSettings());

    public void SetLatency(TimeSpan latency) => Update(s => s.Latency = latency);

    public void FailNextWithRateLimit(int count) => Update(s => s.RateLimitNext = count);

    public void FailNextWithServerError(int count, int status = 500) => Update(s => (s.ServerErrorNext, s.ServerErrorStatus) = (count, status));

    public void FailNextOrdersAmbiguously(int count, AmbiguousFailure mode) => Update(s => (s.AmbiguousNext, s.AmbiguousMode) = (count, mode));

    public void RejectNextOrders(int count, RejectionKind kind = RejectionKind.Http, string? message = null) =>
        Update(s => (s.RejectNext, s.RejectKind, s.RejectMessage) = (count, kind, message ?? s.RejectMessage));

    /// <summary>Aborts every open trade-updates websocket; returns how many were dropped.</summary>
    public int DropStreams() => StreamsDropRequested?.Invoke() ?? 0;

    public TimeSpan Latency
    {
        get
        {
            lock (_gate)
            {
                return _armed.Latency;
            }
        }
    }

    public int DropStreamAfterUpdates
    {
        get
        {
            lock (_gate)
            {
                return _armed.DropStreamAfterUpdates;
            }
        }
    }

    public bool TryTakeRateLimit() => Take(s => s.RateLimitNext, (s, v) => s.RateLimitNext = v);

    public bool TryTakeServerError(out int status)
    {
        lock (_gate)
        {
            status = _armed.ServerErrorStatus;
            return Take(s => s.ServerErrorNext, (s, v) => s.ServerErrorNext = v);
        }
    }

    public bool TryTakeAmbiguous(out AmbiguousFailure mode)
    {
        lock (_gate)
        {
            mode = _armed.AmbiguousMode;
            return Take(s => s.AmbiguousNext, (s, v) => s.AmbiguousNext = v);
        }
    }

    public bool TryTakeReject(out RejectionKind kind, out string message)
    {
        lock (_gate)
        {
            kind = _armed.RejectKind;
            message = _armed.RejectMessage;
            return Take(s => s.RejectNext, (s, v) => s.RejectNext = v);
        }
    }

    private bool Take(Func<FaultSettings, int> read, Action<FaultSettings, int> write)
    {
        lock (_gate)
        {
            var left = read(_armed);
            if (left <= 0)
            {
                return false;
            }

            write(_armed, left - 1);
            return true;
        }
    }

    private void Update(Action<FaultSettings> change)
    {
        lock (_gate)
        {
            change(_armed);
        }
    }

    private static FaultSettings Copy(FaultSettings s) => new()
    {
        Latency = s.Latency,
        RateLimitNext = s.RateLimitNext,
        ServerErrorNext = s.ServerErrorNext,
        ServerErrorStatus = s.ServerErrorStatus,
        AmbiguousNext = s.AmbiguousNext,
        AmbiguousMode = s.AmbiguousMode,
        RejectNext = s.RejectNext,
        RejectKind = s.RejectKind,
        RejectMessage = s.RejectMessage,
        DropStreamAfterUpdates = s.DropStreamAfterUpdates,
    };
}
