namespace PositionManager.PaperBroker.Time;

/// <summary>
/// A clock that moves only when told to, so tests drive fill delays, partial fills and quote paths
/// step by step instead of sleeping. Timers are not supported: the broker never waits on this
/// clock, it only reads it (see <see cref="Hosting.PaperBrokerHost.Advance"/>).
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
        }
    }
}
