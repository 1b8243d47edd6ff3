namespace PositionManager.Actors.Positions;

/// <param name="MaxQuoteAge">A quote older than this moves nothing (invariant 8).</param>
/// <param name="SnapshotEvery">Events between snapshots, so recovery reads at most this many events.</param>
/// <param name="ClockInterval">How often an open position checks its time exit when no quote comes.</param>
public sealed record PositionSettings(TimeSpan MaxQuoteAge, int SnapshotEvery, TimeSpan ClockInterval)
{
    public static PositionSettings Default { get; } = new(TimeSpan.FromSeconds(30), 100, TimeSpan.FromSeconds(30));
}
