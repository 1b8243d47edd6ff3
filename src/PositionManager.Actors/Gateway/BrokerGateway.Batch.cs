using Akka.Actor;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// A crowd in the outbox (a gap down: hundreds of stops at once) shares one read of every position
/// instead of one read per intent, so an exit costs the broker's budget one request, its submit
/// (docs/DESIGN.md, invariant 4 says when the shared read may stand in for the one-symbol read).
/// </summary>
public sealed partial class BrokerGateway
{
    private BatchPositionRead? _batchRead;

    private BatchPositionRead Batch => _batchRead ??= new BatchPositionRead(_settings.MaxBatchReadAge);

    /// <summary>A queued intent's turn: the shared read when others wait behind it, else its own symbol's.</summary>
    private void CheckQueued(IntentRecord record)
    {
        var symbol = record.Intent.Symbol;
        if (!IsCrowded())
        {
            // One exit alone: a one-symbol answer is smaller and as quick, and it is as fresh as can be.
            ReadBrokerPosition(record);
        }
        else if (Batch.TryView(symbol, Now, out var view))
        {
            OnPositionRead(record, BrokerResult<BrokerPositionView?>.Success(view));
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

    private void OnPositionsListed(IntentRecord record, PositionsListed listed)
    {
        if (listed.Result.Failure is null && Batch.Keep(listed.Result.Value!, listed.SentAt, listed.Mark) &&
            Batch.TryView(record.Intent.Symbol, Now, out var view))
        {
            OnPositionRead(record, BrokerResult<BrokerPositionView?>.Success(view));
            return;
        }

        // Failed, unbelievable, or already too old when it came: the one-symbol read has the retries
        // and refusals a failed read needs.
        ReadBrokerPosition(record);
    }

    /// <summary>Any answer about an order makes the shared read stale for its symbol.</summary>
    private void HeardAbout(IntentRecord record) => Batch.Answered(record.Intent.Symbol);
}
