using Akka.Actor;
using Akka.Event;
using PositionManager.Alpaca.Trading;
using static PositionManager.Actors.Gateway.GatewayProtocol;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// Cancels an exit's order at its position's request (a retry limit the market fell through). A
/// cancel only ever ends an order: nothing here submits. The order's end comes as any order's, from
/// the trade stream or the order poll (after a refused cancel, from a read of it), is journaled by
/// OrderFinished and reported to the position, which only then may send a new exit (invariant 3).
/// Nothing is journaled for the request itself: lost in a crash, it is asked again by the position
/// while its order has not ended.
/// </summary>
public sealed partial class BrokerGateway
{
    private readonly HashSet<string> _cancelling = new(StringComparer.Ordinal);

    private sealed record CancelAnswered(string IntentId, string BrokerOrderId, BrokerResult<CancelRequested> Result) : INoSerializationVerificationNeeded;

    /// <summary>The order looked up after a cancel it refused: it ended, and how is what the position needs.</summary>
    private sealed record CancelRefusedOrderRead(string IntentId, BrokerResult<BrokerOrder?> Result) : INoSerializationVerificationNeeded;

    private bool OnCancelMessage(object message)
    {
        switch (message)
        {
            case CancelExit cancel:
                OnCancelExit(cancel);
                return true;
            case CancelAnswered answer:
                _cancelling.Remove(answer.IntentId);
                OnCancelAnswered(answer);
                return true;
            case CancelRefusedOrderRead { Result: { IsSuccess: true, Value: { } order } }:
                OnBrokerOrder(order);
                return true;
            case CancelRefusedOrderRead read:
                Log.Warning("Reading {ClientOrderId} after its cancel was refused failed ({Failure}); its end comes with the stream or the poll", read.IntentId, read.Result.Failure);
                return true;
            default:
                return false;
        }
    }

    private void OnCancelExit(CancelExit cancel)
    {
        if (_state.Find(cancel.IntentId) is not { } record)
        {
            Log.Warning("Cancel of {IntentId} for {PositionId} asked, but no such intent is known here; nothing sent", cancel.IntentId, cancel.PositionId);
            return;
        }

        if (record.IsDone)
        {
            // Ended already: the position has not heard yet (a lost report), so tell it again.
            RepeatOutcome(record);
            return;
        }

        if (record is not { IsOpenAtBroker: true, BrokerOrderId: { } brokerOrderId })
        {
            // Not at the broker yet: the submit still decides, and its outcome reaches the position.
            Log.Info("Cancel of {IntentId} asked before its order is at the broker ({Stage}); nothing sent", cancel.IntentId, record.Stage);
            return;
        }

        if (_state.Halted)
        {
            // The replacement would be refused while halted: the resting order stays the exit's only chance.
            Log.Warning("Cancel of {IntentId} ({BrokerOrderId}) not sent: the gateway is halted ({Reason}), so no replacement could go out", cancel.IntentId, brokerOrderId, _state.HaltReason);
            return;
        }

        if (!_cancelling.Add(cancel.IntentId))
        {
            return;
        }

        Log.Info("Cancelling {ClientOrderId} ({BrokerOrderId}) for {PositionId}: its limit {LimitPrice} rests through the market", cancel.IntentId, brokerOrderId, cancel.PositionId, record.Intent.LimitPrice);
        var intentId = cancel.IntentId;
        _broker.CancelOrderAsync(brokerOrderId, _stopping.Token).PipeTo(
            Self,
            success: result => new CancelAnswered(intentId, brokerOrderId, result),
            failure: error => new CancelAnswered(intentId, brokerOrderId, new BrokerFailure.Transient(error.Message)));
    }

    private void OnCancelAnswered(CancelAnswered answer)
    {
        switch (answer.Result.Failure)
        {
            case null:
                Log.Info("Cancel of {ClientOrderId} ({BrokerOrderId}) accepted; its end comes from the broker", answer.IntentId, answer.BrokerOrderId);
                break;
            case BrokerFailure.Rejected { HttpStatus: 422 } rejected:
                // Filled, canceled or expired meanwhile. Read at once rather than left to the stream
                // or the poll, which are what missed it: the order's end goes the usual way from here.
                Log.Info("Cancel of {ClientOrderId} ({BrokerOrderId}) refused, the order is no longer cancelable: {Message}; reading it", answer.IntentId, answer.BrokerOrderId, rejected.Message);
                var intentId = answer.IntentId;
                _broker.GetOrderByClientOrderIdAsync(intentId, _stopping.Token).PipeTo(
                    Self,
                    success: result => new CancelRefusedOrderRead(intentId, result),
                    failure: error => new CancelRefusedOrderRead(intentId, new BrokerFailure.Transient(error.Message)));
                break;
            case { } failure:
                // Nothing to undo: the position asks again after another rest while the order stays open.
                GatewayMetrics.BrokerFailures.Add(1);
                Log.Warning("Cancel of {ClientOrderId} ({BrokerOrderId}) failed ({Failure}); the position asks again while the order rests", answer.IntentId, answer.BrokerOrderId, failure);
                break;
        }
    }
}
