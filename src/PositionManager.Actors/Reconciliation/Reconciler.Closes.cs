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

        // Such a repeat can also come from a position adopted again meanwhile: the Open of its new
        // lifecycle waits behind the recovery that told, and the notice (through the singleton's
        // proxy) may arrive after the pass that tracked it again. Releasing then would leave an open
        // position unpriced until the next pass, so the position is asked first; its answer
        // follows that Open.
        if (_positions() is not { } region)
        {
            Release(closed);
            return;
        }

        region.Ask<object>(new PositionProtocol.GetState(closed.PositionId), _settings.AskTimeout).PipeTo(
            Self,
            success: answer => new ReconcilerInternals.CloseChecked(closed, answer is PositionProtocol.PositionView { State.IsOpen: true }),
            failure: _ => new ReconcilerInternals.CloseChecked(closed, OpenAgain: false));
    }

    private void OnCloseChecked(ReconcilerInternals.CloseChecked check)
    {
        if (check.OpenAgain)
        {
            Log.Debug("Position {PositionId} told of a close but is open again (adopted again); it stays priced", check.Notice.PositionId);
            return;
        }

        if (_state.Tracked.ContainsKey(check.Notice.PositionId))
        {
            Release(check.Notice);
        }
    }

    private void Release(PositionProtocol.Closed closed) =>
        Persist(new ReconcilerEvents.PositionReleased(closed.PositionId, $"closed: {closed.Reason}", _clock.GetUtcNow()), released =>
        {
            _state = _state.Apply(released);
            _priceSources.Remove(closed.PositionId);
            Log.Info("Position {PositionId} closed here ({Reason}); no longer priced", closed.PositionId, closed.Reason);
            _priceFeed()?.Tell(Watched());
            SnapshotIfDue();
        });
}
