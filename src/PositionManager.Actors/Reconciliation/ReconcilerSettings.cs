using PositionManager.Domain.Exits;

namespace PositionManager.Actors.Reconciliation;

/// <param name="Interval">How often the broker's positions are read and compared (one pass also runs at start).</param>
/// <param name="DefaultPolicy">The exit policy an adopted position starts with.</param>
public sealed record ReconcilerSettings(TimeSpan Interval, ExitPolicy DefaultPolicy)
{
    /// <summary>How long one position may take to answer (its first message after a restart recovers it).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A position whose exit order is in flight is not marked flat before this: its sold-out
    /// position vanishes from the broker before the fill reaches it, and the fill, not the
    /// reconciler, should close it (with the exit's own reason in its history).
    /// </summary>
    public TimeSpan PendingExitGrace { get; init; } = TimeSpan.FromMinutes(2);

    public int SnapshotEvery { get; init; } = 100;

    /// <summary>
    /// A contract the broker holds while its position here is closed is adopted again only after
    /// being seen so this long: the broker's position list can still show a contract for a moment
    /// after our own sell of it filled. At least two passes apart.
    /// </summary>
    public TimeSpan ReadoptAfter { get; init; } = Interval * 2;
}
