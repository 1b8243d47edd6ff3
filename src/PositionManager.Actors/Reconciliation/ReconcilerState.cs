using System.Collections.Immutable;

namespace PositionManager.Actors.Reconciliation;

/// <summary>The open positions the reconciler knows of, by position id; rebuilt from its events alone.</summary>
public sealed record ReconcilerState(ImmutableDictionary<string, TrackedPosition> Tracked)
{
    public static ReconcilerState Empty { get; } = new(ImmutableDictionary.Create<string, TrackedPosition>(StringComparer.Ordinal));

    public ReconcilerState Apply(IReconcilerEvent change) => change switch
    {
        ReconcilerEvents.PositionTracked e => this with { Tracked = Tracked.SetItem(e.PositionId, new TrackedPosition(e.PositionId, e.Symbol)) },
        ReconcilerEvents.PositionReleased e => this with { Tracked = Tracked.Remove(e.PositionId) },
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "unknown reconciler event"),
    };
}
