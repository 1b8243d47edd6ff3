using Akka.Actor;
using PositionManager.Actors.Gateway.Sequencing;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using static PositionManager.Actors.Gateway.GatewayEvents;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// A crowd in the outbox (a gap down: hundreds of stops at once) shares one read of every position
/// instead of one read per intent, so an exit costs the broker's budget one request, its submit
/// (docs/DESIGN.md, invariant 4 says when the shared read may stand in for the one-symbol read).
/// </summary>
public sealed partial class BrokerGateway
{
    /// <summary>Alpaca's default budget for one minute: companions beyond it would wait out the shared read's age.</summary>
    private const int MaxCompanions = 199;

    private readonly Dictionary<string, OrderRequest> _checkedOnSharedRead = new(StringComparer.Ordinal);
    private BatchPositionRead? _batchRead;

    private BatchPositionRead Batch => _batchRead ??= new BatchPositionRead(_settings.MaxBatchReadAge);

    /// <summary>A queued intent's turn: the shared read when others wait behind it, else its own symbol's.</summary>
    private void CheckQueued(WorkingIntent work)
    {
        var record = Current(work);
        var symbol = record.Intent.Symbol;
        if (!IsCrowded())
        {
            // One exit alone: a one-symbol answer is smaller and as quick, and it is as fresh as can be.
            ReadBrokerPosition(record);
        }
        else if (Batch.TryView(symbol, Now, out var view))
        {
            OnSharedView(work, view);
        }
        else if (Batch.IsFresh(Now))
        {
            // The shared read is fresh but older than an answer about this symbol's own order.
            ReadBrokerPosition(record);
        }
        else
        {
            ReadAllPositions(record);
        }
    }

    private bool IsCrowded() => _state.Outbox.Count - _accepting.Count > 1;

    private void ReadAllPositions(IntentRecord record)
    {
        var sentAt = Now;
        var mark = Batch.Mark();
        _broker.ListPositionsAsync(_stopping.Token).PipeTo(
            Self,
            success: result => new PositionsListed(record.IntentId, result, sentAt, mark),
            failure: error => new PositionsListed(record.IntentId, new BrokerFailure.Transient(error.Message), sentAt, mark));
    }

    private void OnPositionsListed(WorkingIntent work, PositionsListed listed)
    {
        var record = Current(work);
        if (listed.Result.Failure is null && Batch.Keep(listed.Result.Value!, listed.SentAt, listed.Mark) &&
            Batch.TryView(record.Intent.Symbol, Now, out var view))
        {
            OnSharedView(work, view);
            return;
        }

        // Failed, unbelievable, or already too old when it came: the one-symbol read has the retries
        // and refusals a failed read needs.
        ReadBrokerPosition(record);
    }

    private void OnSharedView(WorkingIntent work, BrokerPositionView? view)
    {
        work.CheckedOnSharedRead = true;
        Advance(work, new SequencingInput.RulesChecked(Check(Current(work), view)));
    }

    /// <summary>
    /// The working intent passed on the shared read: the queued intents behind it that pass on the
    /// same read, one per symbol, are journaled "submitting" in the same write (a crowd pays one
    /// journal round trip, not one per exit), then sent one at a time. Each is sent unchanged only
    /// while the read still holds for its symbol; otherwise its checks run again on a fresh read.
    /// False when none passes: the working intent is journaled alone.
    /// </summary>
    private bool TryStartWithCompanions(IntentRecord record, OrderRequest request)
    {
        var companions = Companions(record);
        if (companions.Count == 0)
        {
            return false;
        }

        var now = Now;
        IGatewayEvent[] started = [new SubmissionStarted(record.IntentId, now), .. companions.Select(c => new SubmissionStarted(c.IntentId, now))];
        RecordAll(started, () =>
        {
            foreach (var companion in companions)
            {
                _checkedOnSharedRead[companion.IntentId] = companion.Request;
            }

            Submit(record.IntentId, request);
        });
        return true;
    }

    /// <summary>
    /// Queued intents after <paramref name="working"/>, in outbox order, that pass on the shared read:
    /// at most one per symbol, none for a symbol that has an intent submitting (its order may be at the
    /// broker, unseen by the read). One window of Alpaca's budget at most: more could not leave before
    /// the read is too old anyway, and would each be checked again.
    /// </summary>
    private List<(string IntentId, OrderRequest Request)> Companions(IntentRecord working)
    {
        var now = Now;
        var symbols = new HashSet<string>(StringComparer.Ordinal) { working.Intent.Symbol };
        foreach (var id in _state.Outbox)
        {
            if (_state.Find(id) is { Stage: IntentStage.Submitting } submitting)
            {
                symbols.Add(submitting.Intent.Symbol);
            }
        }

        var companions = new List<(string, OrderRequest)>();
        foreach (var id in _state.Outbox)
        {
            if (companions.Count >= MaxCompanions)
            {
                break;
            }

            if (id == working.IntentId || _accepting.Contains(id) || _state.Find(id) is not { Stage: IntentStage.Queued } queued ||
                !Batch.TryView(queued.Intent.Symbol, now, out var view) || !symbols.Add(queued.Intent.Symbol))
            {
                continue;
            }

            if (Check(queued, view).Request is { } request)
            {
                companions.Add((id, request));
            }
        }

        return companions;
    }

    /// <summary>
    /// A companion journaled "submitting" on the shared read, never sent yet, whose turn came: the
    /// request that read passed, and whether the read still holds for its symbol. Null for any other intent.
    /// </summary>
    private (OrderRequest Request, bool StillHolds)? TakeCheckedOnSharedRead(IntentRecord record) =>
        _checkedOnSharedRead.Remove(record.IntentId, out var request)
            ? (request, Batch.TryView(record.Intent.Symbol, Now, out _))
            : null;

    /// <summary>Any answer about an order makes the shared read stale for its symbol.</summary>
    private void HeardAbout(IntentRecord record) => Batch.Answered(record.Intent.Symbol);
}
