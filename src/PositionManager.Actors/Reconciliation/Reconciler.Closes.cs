using Akka.Actor;
using Akka.Event;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Reconciliation;

/// <summary>A position's own word that it closed: released and unpriced at once, not at the next pass.</summary>
public sealed partial class Reconciler
{
    private void OnClosedHere(PositionProtocol.Closed closed)
    {
        // Untracked: released already (by a pass, or an earlier notice), or never tracked. A closed
        // position that recovers tells again, so repeats are normal and change nothing.
        if (!_state.Tracked.ContainsKey(closed.PositionId))
        {
            return;
        }

        Persist(new ReconcilerEvents.PositionReleased(closed.PositionId, $"closed: {closed.Reason}", _clock.GetUtcNow()), released =>
        {
            _state = _state.Apply(released);
            _priceSources.Remove(closed.PositionId);
            Log.Info("Position {PositionId} closed here ({Reason}); no longer priced", closed.PositionId, closed.Reason);
            _priceFeed()?.Tell(Watched());
            SnapshotIfDue();
        });
    }
}
