using PositionManager.Domain.Policies;

namespace PositionManager.Actors.Reconciliation;

/// <param name="Interval">How often the broker's positions are read and compared (one pass also runs at start).</param>
/// <param name="Policies">The default exit policy and the rules: at adoption the first rule matching the contract gives its policy.</param>
public sealed record ReconcilerSettings(TimeSpan Interval, PolicyBook Policies)
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

    /// <summary>
    /// Contract reads in flight at once when many contracts are adopted in one pass (a first start
    /// on a full account): each is a trading-API request, inside the 200 a minute the gateway's
    /// orders also need, and the request budget queues the rest.
    /// </summary>
    public int ContractLookupConcurrency { get; init; } = 4;
}
