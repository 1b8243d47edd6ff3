using Akka.Actor;
using Akka.Event;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using static PositionManager.Actors.Gateway.GatewayEvents;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>The outbox's effects: broker calls whose answers come back as messages, and what is journaled around them.</summary>
public sealed partial class BrokerGateway
{
    private readonly HashSet<string> _accepting = new(StringComparer.Ordinal);

    /// <summary>The intent in hand as journaled, or as it was checked before it is journaled.</summary>
    private IntentRecord Current(WorkingIntent work) => work.Fresh?.Record ?? _state.Find(work.IntentId)!;

    /// <summary>Journals the intent that started at once, if it has not been yet, then goes on.</summary>
    private void EnsureJournaled(WorkingIntent work, Action then)
    {
        if (work.Fresh is not { } fresh)
        {
            then();
            return;
        }

        work.Fresh = null;
        Record(new IntentQueued(fresh.Record.Intent, fresh.Record.ReceivedAt), () =>
        {
            Acknowledge(fresh.Record.Intent, fresh.ReplyTo);
            then();
        });
    }

    private void ReadBrokerPosition(IntentRecord record) =>
        _broker.GetPositionAsync(record.Intent.Symbol, _stopping.Token).PipeTo(
            Self,
            success: result => new PositionRead(record.IntentId, result),
            failure: error => new PositionRead(record.IntentId, new BrokerFailure.Transient(error.Message)));

    private OrderCheck Check(IntentRecord record, BrokerPositionView? held)
    {
        var intent = record.Intent;
        var type = intent.LimitPrice is null ? OrderType.Market : OrderType.Limit;
        var draft = new OrderDraft(intent.Symbol, intent.Side, intent.Intent, intent.Quantity, type, TimeInForce.Day, intent.LimitPrice, intent.IntentId);
        return OrderRules.Check(draft, held, _state.Halted);
    }

    /// <summary>"Submitting" goes to the journal before the HTTP call: from then on the order may exist (invariant 6).</summary>
    private void StartSubmission(WorkingIntent work, OrderRequest request)
    {
        if (work.ReleasedFromHold)
        {
            work.ReleasedFromHold = false;
            Log.Info("Market open: sending the close intents held in the outbox, first {IntentId}", work.IntentId);
        }

        var record = Current(work);
        if (record.Stage == IntentStage.Submitting)
        {
            Submit(record.IntentId, request);
        }
        else if (work.Fresh is { } fresh)
        {
            work.Fresh = null;
            RecordAll([new IntentQueued(fresh.Record.Intent, fresh.Record.ReceivedAt), new SubmissionStarted(record.IntentId, Now)], () =>
            {
                Acknowledge(fresh.Record.Intent, fresh.ReplyTo);
                Submit(record.IntentId, request);
            });
        }
        else if (!work.CheckedOnSharedRead || !TryStartWithCompanions(record, request))
        {
            Record(new SubmissionStarted(record.IntentId, Now), () => Submit(record.IntentId, request));
        }
    }

    private void Submit(string intentId, OrderRequest request)
    {
        Log.Info("Submitting {ClientOrderId}: {Side} {Quantity} {Symbol} {PositionIntent}", request.ClientOrderId, request.Side, request.Quantity, request.Symbol, request.Intent);
        _broker.SubmitOrderAsync(request, _stopping.Token).PipeTo(
            Self,
            success: result => new SubmitAnswered(intentId, request, result),
            failure: error => new SubmitAnswered(intentId, request, new BrokerFailure.Ambiguous(error.Message)));
    }

    private void LogSubmitAnswer(SubmitAnswered answer)
    {
        switch (answer.Result.Failure)
        {
            case null or BrokerFailure.Rejected or BrokerFailure.Unauthorized:
                break;
            case BrokerFailure.RateLimited limited:
                Log.Warning("Rate limited submitting {ClientOrderId}; checking again and retrying at {RetryAt}", answer.Request.ClientOrderId, limited.RetryAt);
                break;
            case { } unknownOutcome:
                Log.Warning("Submit of {ClientOrderId} ended unknown ({Failure}); looking it up", answer.Request.ClientOrderId, unknownOutcome);
                break;
        }
    }

    private void LookUp(string intentId) =>
        _broker.GetOrderByClientOrderIdAsync(intentId, _stopping.Token).PipeTo(
            Self,
            success: result => new LookupAnswered(intentId, result),
            failure: error => new LookupAnswered(intentId, new BrokerFailure.Transient(error.Message)));

    /// <summary>
    /// The rules refused: the intent may still be one this gateway sent and has since forgotten
    /// (GatewaySettings.RetainCompleted), sent again by a position that never heard the outcome; its
    /// position is now flat because that very order filled. Its client_order_id is looked up first,
    /// so that position hears of its order instead of a refusal (invariant 5: one exit, one order).
    /// Refusals are rare; the extra broker read is paid only on them.
    /// </summary>
    private void RefuseUnlessAtBroker(string intentId, IReadOnlyList<RuleViolation> violations) =>
        _broker.GetOrderByClientOrderIdAsync(intentId, _stopping.Token).PipeTo(
            Self,
            success: result => new RefusalLookupAnswered(intentId, violations, result),
            failure: error => new RefusalLookupAnswered(intentId, violations, new BrokerFailure.Transient(error.Message)));

    private void LogRefusalLookup(RefusalLookupAnswered lookup)
    {
        if (lookup.Result is { Failure: null, Value: { } order })
        {
            Log.Warning("{ClientOrderId} was refused by the rules but is already at the broker as {BrokerOrderId}: reporting that order", lookup.IntentId, order.Id);
        }
        else if (lookup.Result.Failure is { } failure)
        {
            Log.Warning("Looking up {ClientOrderId} before refusing it failed ({Failure})", lookup.IntentId, failure);
        }
    }

    private void Accept(IntentRecord record, BrokerOrder order)
    {
        if (record.Stage is IntentStage.Submitted or IntentStage.Finished || !_accepting.Add(record.IntentId))
        {
            // The stream told us first.
            Done();
            return;
        }

        // The order exists at the broker whatever happens next, and after a crash it would be
        // found by its client_order_id: the next intent need not wait for this write.
        RecordAsync(new OrderAccepted(record.IntentId, order.Id, Now), () =>
        {
            _accepting.Remove(record.IntentId);
            GatewayMetrics.OrdersSubmitted.Add(1);
            Log.Info("Order {BrokerOrderId} is at the broker as {ClientOrderId} ({Status})", order.Id, record.IntentId, order.StatusText);
            var intent = record.Intent;
            Report(intent.PositionId, new OrderOutcome.Submitted(intent.ExitSequence, intent.IntentId, order.Id));
            Self.Tell(new BrokerOrderSeen(order));
            PollIfOwed();
        });
        Done();
    }

    private void Refuse(IntentRecord record, IReadOnlyList<string> codes, string reason) =>
        Record(new IntentRefused(record.IntentId, codes, reason, Now), () =>
        {
            foreach (var code in codes)
            {
                GatewayMetrics.RuleRejections.Add(1, new KeyValuePair<string, object?>("rule", code));
            }

            Log.Error("REFUSED {IntentId} ({Intent} {Quantity} {Symbol} for {PositionId}): {Violations}", record.IntentId, record.Intent.Intent, record.Intent.Quantity, record.Intent.Symbol, record.Intent.PositionId, reason);
            Report(record.Intent.PositionId, new OrderOutcome.Rejected(record.Intent.ExitSequence, reason));
            Done();
        });
}
