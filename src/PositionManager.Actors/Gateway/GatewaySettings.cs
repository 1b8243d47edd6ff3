namespace PositionManager.Actors.Gateway;

/// <param name="PollInterval">How often open orders are polled while the trade stream is down.</param>
/// <param name="RetryDelay">First wait after a transient broker failure; doubles up to <see cref="MaxRetryDelay"/>.</param>
/// <param name="MaxAttempts">Broker failures in a row on one intent before it is refused (its position retries later).</param>
/// <param name="SnapshotEvery">Fewest events between snapshots of the outbox (more while it remembers more intents than this: see BrokerGateway.SnapshotInterval).</param>
/// <param name="RetainCompleted">Done (refused or finished) intents remembered to answer a re-send with what became of
/// it; older ones are forgotten in the order they became done (see <see cref="GatewayState.Completed"/>). Keep it the
/// same across restarts: recovery forgets by the setting of the node that recovers.</param>
public sealed record GatewaySettings(TimeSpan PollInterval, TimeSpan RetryDelay, TimeSpan MaxRetryDelay, int MaxAttempts, int SnapshotEvery, int RetainCompleted)
{
    /// <summary>
    /// A position re-sends an exit whose end it has not heard every 30 s (PositionSettings.PendingExitResendInterval,
    /// at most 5 min on a node): ten thousand completions later is far beyond that at any realistic exit rate, and a
    /// re-send that comes even later still cannot become a second order (<see cref="GatewayState.Completed"/> says
    /// why). Bounded, the gateway's memory, snapshot and recovery no longer grow with every exit ever made.
    /// </summary>
    public const int DefaultRetainCompleted = 10_000;

    /// <summary>
    /// How old the shared <c>GET /v2/positions</c> may be when OrderRules run on it for a queued
    /// intent (BatchPositionRead, invariant 4). The one-symbol read it replaces is a journal write and
    /// an HTTP round trip old, milliseconds; 2 s is still shorter than a person needs to sell by hand
    /// after seeing the same price move, and long enough for one read to serve every submit the
    /// broker's budget lets through at once (200 a minute go out in well under a second). Should a
    /// position change inside it anyway, the explicit sell_to_close still makes the broker refuse
    /// rather than open a short (invariant 2).
    /// </summary>
    public TimeSpan MaxBatchReadAge { get; init; } = TimeSpan.FromSeconds(2);

    public static GatewaySettings Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), 8, 200, DefaultRetainCompleted);
}
