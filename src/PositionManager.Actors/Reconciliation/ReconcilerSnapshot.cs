using System.Collections.Immutable;

namespace PositionManager.Actors.Reconciliation;

/// <summary>The journaled form of <see cref="ReconcilerState"/> (a plain list, so its JSON is stable).</summary>
public sealed record ReconcilerSnapshot(IReadOnlyList<TrackedPosition> Tracked) : IPositionManagerMessage
{
    public static ReconcilerSnapshot Of(ReconcilerState state) =>
        new([.. state.Tracked.Values.OrderBy(t => t.PositionId, StringComparer.Ordinal)]);

    public ReconcilerState ToState() =>
        new(Tracked.ToImmutableDictionary(t => t.PositionId, t => t, StringComparer.Ordinal));
}
