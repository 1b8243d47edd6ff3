namespace PositionManager.Actors.Positions;

/// <param name="MaxQuoteAge">A quote older than this moves nothing (invariant 8).</param>
/// <param name="SnapshotEvery">Events between snapshots, so recovery reads at most this many events.</param>
/// <param name="ClockInterval">How often an open position checks its time exit when no quote comes.</param>
public sealed record PositionSettings(TimeSpan MaxQuoteAge, int SnapshotEvery, TimeSpan ClockInterval)
{
    /// <summary>A close intent the gateway has not acknowledged within this is sent again.</summary>
    public TimeSpan GatewayAckTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>While an acknowledged exit's order has not ended, the intent is re-sent this often so a lost outcome is repeated.</summary>
    public TimeSpan PendingExitResendInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Refused closes in a row after which every further refusal is an alert.</summary>
    public int RejectionAlertThreshold { get; init; } = 3;

    public static PositionSettings Default { get; } = new(TimeSpan.FromSeconds(30), 100, TimeSpan.FromSeconds(30));
}
