namespace PositionManager.Actors.Gateway;

/// <param name="PollInterval">How often open orders are polled while the trade stream is down.</param>
/// <param name="RetryDelay">First wait after a transient broker failure; doubles up to <see cref="MaxRetryDelay"/>.</param>
/// <param name="MaxAttempts">Broker failures in a row on one intent before it is refused (its position retries later).</param>
/// <param name="SnapshotEvery">Events between snapshots of the outbox.</param>
public sealed record GatewaySettings(TimeSpan PollInterval, TimeSpan RetryDelay, TimeSpan MaxRetryDelay, int MaxAttempts, int SnapshotEvery)
{
    public static GatewaySettings Default { get; } = new(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), 8, 200);
}
