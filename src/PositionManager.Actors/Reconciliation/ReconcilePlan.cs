using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Reconciliation;

/// <summary>What one pass decided from the broker's positions and the positions' own views.</summary>
/// <param name="Adopt">Long option positions no actor holds: open them (idempotent in the actor).</param>
/// <param name="Track">Positions found open that the reconciler did not know of yet.</param>
/// <param name="CheckFlat">Open positions the broker did not list: confirm with the broker, then mark them flat.</param>
/// <param name="Release">Tracked positions that are not open any more.</param>
/// <param name="Findings">Alerts and drift, one per symbol and kind.</param>
/// <param name="Unevaluated">Symbols whose position did not answer: nothing was decided for them.</param>
public sealed record ReconcilePlan(
    IReadOnlyList<PositionProtocol.Open> Adopt,
    IReadOnlyList<TrackedPosition> Track,
    IReadOnlyList<TrackedPosition> CheckFlat,
    IReadOnlyList<PositionRelease> Release,
    IReadOnlyList<Finding> Findings,
    IReadOnlySet<string> Unevaluated);
