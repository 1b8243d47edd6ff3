using Akka.Actor;
using Akka.Event;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using static PositionManager.Actors.Gateway.GatewayEvents;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>The outbox: one intent at a time, rules on the broker's current view, then submit or look up.</summary>
public sealed partial class BrokerGateway
{
    /// <summary>Refusal codes that are not OrderRules' own: the broker said no, or never answered.</summary>
    private const string BrokerRefusal = "BrokerRejected";
    private const string BrokerUnavailable = "BrokerUnavailable";

    /// <summary>How often held intents look whether the market has opened: the clock view is a memory read.</summary>
    private static readonly TimeSpan MarketOpenCheck = TimeSpan.FromSeconds(1);

    private readonly HashSet<string> _accepting = new(StringComparer.Ordinal);
    private string? _working;
    private Unjournaled? _unjournaled;
    private int _failuresInARow;
    private bool _holdingForOpen;

    private bool OnSubmissionMessage(object message)
    {
        switch (message)
        {
            case WorkNext or MarketMayHaveOpened:
                WorkOnOutbox();
                return true;
            case PositionRead read when read.IntentId == _working:
                OnPositionRead(Working(read.IntentId), read.Result);
                return true;
            case PositionsListed listed when listed.IntentId == _working:
                OnPositionsListed(Working(listed.IntentId), listed);
                return true;
            case SubmitAnswered answer when answer.IntentId == _working:
                HeardAbout(Working(answer.IntentId));
                OnSubmitAnswered(Working(answer.IntentId), answer.Request, answer.Result);
                return true;
            case LookupAnswered lookup when lookup.IntentId == _working:
                HeardAbout(Working(lookup.IntentId));
                OnLookupAnswered(Working(lookup.IntentId), lookup.Result);
                return true;
            case RefusalLookupAnswered lookup when lookup.IntentId == _working:
                HeardAbout(Working(lookup.IntentId));
                OnRefusalLookupAnswered(Working(lookup.IntentId), lookup);
                return true;
            case RetryAction retry when retry.IntentId == _working:
                retry.Retry();
                return true;
            case Resubmit resubmit when resubmit.IntentId == _working:
                // Not the saved request: the position may have been sold, shrunk or tied up by an
                // open order, or the gateway halted, while we waited (invariants 4 and 7).
                ReadBrokerPosition(Working(resubmit.IntentId));
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// An intent that finds the outbox idle is checked before it is journaled, and then journaled
    /// together with "submitting" in one write: the quiet path from tick to order pays one journal
    /// round trip here instead of two. Its acknowledgement waits for that write as always.
    /// </summary>
    private bool TryStartAtOnce(GatewayProtocol.SubmitClose intent, IActorRef replyTo)
    {
        if (_working is not null || _state.Halted || !MarketOpen || _state.Outbox.Count > _accepting.Count)
        {
            return false;
        }

        _working = intent.IntentId;
        _unjournaled = new Unjournaled(new IntentRecord(intent, IntentStage.Queued, Now), replyTo);
        ReadBrokerPosition(_unjournaled.Record);
        return true;
    }

    private IntentRecord Working(string intentId) =>
        _unjournaled is { } fresh && fresh.Record.IntentId == intentId ? fresh.Record : _state.Find(intentId)!;

    /// <summary>Journals the intent that started at once, if it has not been yet, then goes on.</summary>
    private void EnsureJournaled(Action then)
    {
        if (_unjournaled is not { } fresh)
        {
            then();
            return;
        }

        _unjournaled = null;
        Record(new IntentQueued(fresh.Record.Intent, fresh.Record.ReceivedAt), () =>
        {
            Acknowledge(fresh.Record.Intent, fresh.ReplyTo);
            then();
        });
    }

    private void WorkOnOutbox()
    {
        if (_working is not null)
        {
            return;
        }

        if (_state.Outbox.FirstOrDefault(id => !_accepting.Contains(id)) is not { } nextId)
        {
            PollIfOwed();
            return;
        }

        var next = _state.Find(nextId)!;
        _working = next.IntentId;
        if (next.Stage == IntentStage.Submitting && TrySendChecked(next))
        {
            return;
        }

        if (next.Stage == IntentStage.Submitting)
        {
            // A submission may have reached the broker before we stopped: find it, never guess.
            LookUp(next);
        }
        else if (_state.Halted)
        {
            Refuse(next, [new RuleViolation(RuleCode.GatewayHalted, $"the gateway is halted ({_state.HaltReason}); resume it before any order is sent")]);
        }
        else if (!MarketOpen)
        {
            HoldUntilOpen(next);
        }
        else
        {
            CheckQueued(next);
        }
    }

    private bool MarketOpen => _market.At(Now).IsOpen;

    /// <summary>
    /// Alpaca refuses options market orders outside regular hours, and positions trigger nothing
    /// while the market is closed; an intent that reaches the outbox then (a manual close from
    /// pmctl, or an exit that crossed the close on its way) stays journaled and acknowledged in
    /// the outbox and goes out, checked against the broker's position then, once the clock says
    /// open (docs/DESIGN.md, "The market's clock").
    /// </summary>
    private void HoldUntilOpen(IntentRecord record)
    {
        if (!_holdingForOpen)
        {
            _holdingForOpen = true;
            Log.Warning("Market closed: holding {Count} close intents in the outbox until it opens, first {IntentId} ({Intent} {Quantity} {Symbol})", _state.Outbox.Count, record.IntentId, record.Intent.Intent, record.Intent.Quantity, record.Intent.Symbol);
        }

        _working = null;
        _failuresInARow = 0;
        if (!Timers.IsTimerActive("market-open"))
        {
            Timers.StartSingleTimer("market-open", MarketMayHaveOpened.Instance, MarketOpenCheck);
        }
    }

    private void ReadBrokerPosition(IntentRecord record) =>
        _broker.GetPositionAsync(record.Intent.Symbol, _stopping.Token).PipeTo(
            Self,
            success: result => new PositionRead(record.IntentId, result),
            failure: error => new PositionRead(record.IntentId, new BrokerFailure.Transient(error.Message)));

    private void OnPositionRead(IntentRecord record, BrokerResult<BrokerPositionView?> read)
    {
        if (read.Failure is { } failure)
        {
            EnsureJournaled(() =>
            {
                var journaled = _state.Find(record.IntentId)!;
                RetryLater(journaled, failure, () => ReadBrokerPosition(journaled));
            });
            return;
        }

        var check = Check(record, read.Value);
        if (check.Request is not { } request)
        {
            RefuseUnlessAtBroker(record, check.Violations);
            return;
        }

        if (!MarketOpen)
        {
            // Closed since the intent was taken up (the read took a while, or a retry waited).
            EnsureJournaled(() => HoldUntilOpen(_state.Find(record.IntentId)!));
            return;
        }

        if (_holdingForOpen)
        {
            _holdingForOpen = false;
            Log.Info("Market open: sending the close intents held in the outbox, first {IntentId}", record.IntentId);
        }

        if (record.Stage == IntentStage.Submitting)
        {
            Submit(record.IntentId, request);
        }
        else if (_unjournaled is { } fresh)
        {
            _unjournaled = null;
            RecordAll([new IntentQueued(fresh.Record.Intent, fresh.Record.ReceivedAt), new SubmissionStarted(record.IntentId, Now)], () =>
            {
                Acknowledge(fresh.Record.Intent, fresh.ReplyTo);
                Submit(record.IntentId, request);
            });
        }
        else
        {
            Record(new SubmissionStarted(record.IntentId, Now), () => Submit(record.IntentId, request));
        }
    }

    private OrderCheck Check(IntentRecord record, BrokerPositionView? held)
    {
        var intent = record.Intent;
        var type = intent.LimitPrice is null ? OrderType.Market : OrderType.Limit;
        var draft = new OrderDraft(intent.Symbol, intent.Side, intent.Intent, intent.Quantity, type, TimeInForce.Day, intent.LimitPrice, intent.IntentId);
        return OrderRules.Check(draft, held, _state.Halted);
    }

    private void Submit(string intentId, OrderRequest request)
    {
        Log.Info("Submitting {ClientOrderId}: {Side} {Quantity} {Symbol} {PositionIntent}", request.ClientOrderId, request.Side, request.Quantity, request.Symbol, request.Intent);
        _broker.SubmitOrderAsync(request, _stopping.Token).PipeTo(
            Self,
            success: result => new SubmitAnswered(intentId, request, result),
            failure: error => new SubmitAnswered(intentId, request, new BrokerFailure.Ambiguous(error.Message)));
    }

    private void OnSubmitAnswered(IntentRecord record, OrderRequest request, BrokerResult<BrokerOrder> answer)
    {
        switch (answer.Failure)
        {
            case null:
                Accept(record, answer.Value!);
                break;
            case BrokerFailure.RateLimited limited:
                // Nothing was done. Once the window resets, the broker's position is read and the
                // rules run again (halted included) before the same client_order_id is sent again.
                Log.Warning("Rate limited submitting {ClientOrderId}; checking again and retrying at {RetryAt}", request.ClientOrderId, limited.RetryAt);
                Timers.StartSingleTimer("retry", new Resubmit(record.IntentId), Until(limited.RetryAt));
                break;
            case BrokerFailure.Rejected { IsDuplicateClientOrderId: true }:
                LookUp(record);
                break;
            case BrokerFailure.Rejected rejected:
                Refuse(record, BrokerRefusal, $"the broker refused the order: {rejected.HttpStatus} {rejected.Code} {rejected.Message}");
                break;
            case BrokerFailure.Unauthorized unauthorized:
                Refuse(record, BrokerRefusal, $"the broker refused our keys ({unauthorized.HttpStatus}): {unauthorized.Message}");
                break;
            case { } unknownOutcome:
                // Ambiguous, transient or unreadable: the order may exist. Look before anything else.
                GatewayMetrics.BrokerFailures.Add(1);
                Log.Warning("Submit of {ClientOrderId} ended unknown ({Failure}); looking it up", request.ClientOrderId, unknownOutcome);
                _failuresInARow++;
                LookUp(record);
                break;
        }
    }

    private void LookUp(IntentRecord record) =>
        _broker.GetOrderByClientOrderIdAsync(record.IntentId, _stopping.Token).PipeTo(
            Self,
            success: result => new LookupAnswered(record.IntentId, result),
            failure: error => new LookupAnswered(record.IntentId, new BrokerFailure.Transient(error.Message)));

    private void OnLookupAnswered(IntentRecord record, BrokerResult<BrokerOrder?> lookup)
    {
        if (lookup.Failure is { } failure)
        {
            RetryLater(record, failure, () => LookUp(record));
        }
        else if (lookup.Value is { } order)
        {
            Accept(record, order);
        }
        else
        {
            // Not at the broker: check again from the start (the rules see today's position) and
            // send with the SAME client_order_id, which the broker refuses should the first arrive late.
            Log.Info("No order {ClientOrderId} at the broker; checking and submitting again", record.IntentId);
            RetryLater(record, null, () => ReadBrokerPosition(record));
        }
    }

    /// <summary>
    /// The rules refused: the intent may still be one this gateway sent and has since forgotten
    /// (GatewaySettings.RetainCompleted), sent again by a position that never heard the outcome; its
    /// position is now flat because that very order filled. Its client_order_id is looked up first,
    /// so that position hears of its order instead of a refusal (invariant 5: one exit, one order).
    /// Refusals are rare; the extra broker read is paid only on them.
    /// </summary>
    private void RefuseUnlessAtBroker(IntentRecord record, IReadOnlyList<RuleViolation> violations) =>
        _broker.GetOrderByClientOrderIdAsync(record.IntentId, _stopping.Token).PipeTo(
            Self,
            success: result => new RefusalLookupAnswered(record.IntentId, violations, result),
            failure: error => new RefusalLookupAnswered(record.IntentId, violations, new BrokerFailure.Transient(error.Message)));

    private void OnRefusalLookupAnswered(IntentRecord record, RefusalLookupAnswered lookup)
    {
        if (lookup.Result.Failure is null && lookup.Result.Value is { } order)
        {
            Log.Warning("{ClientOrderId} was refused by the rules but is already at the broker as {BrokerOrderId}: reporting that order", record.IntentId, order.Id);
            EnsureJournaled(() => Accept(_state.Find(record.IntentId)!, order));
            return;
        }

        if (lookup.Result.Failure is { } failure)
        {
            if (record.Stage == IntentStage.Submitting)
            {
                // A submission of it may have reached the broker (an ambiguous answer before, or one
                // sent before a restart): never refused without the broker's word (invariant 5).
                // Checked again from the position read, so the rules see the latest.
                RetryLater(record, failure, () => ReadBrokerPosition(record));
                return;
            }

            // Refusing sends nothing, so it stays safe without the answer; the position tries again later.
            Log.Warning("Looking up {ClientOrderId} before refusing it failed ({Failure})", record.IntentId, failure);
        }

        Refuse(record, lookup.Violations);
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
        });
        Done();
    }

    private void Refuse(IntentRecord record, IReadOnlyList<RuleViolation> violations) =>
        Refuse(record, violations.Select(v => v.Code.ToString()).ToList(), string.Join("; ", violations.Select(v => $"{v.Code}: {v.Message}")));

    // A plain array, not [code]: the compiler's single-element list has no constructor a
    // deserializer can use, which Akka's serialize-messages (on in tests) trips over.
    private void Refuse(IntentRecord record, string code, string message) => Refuse(record, new[] { code }, $"{code}: {message}");

    private void Refuse(IntentRecord record, IReadOnlyList<string> codes, string reason) =>
        EnsureJournaled(() => Record(new IntentRefused(record.IntentId, codes, reason, Now), () =>
        {
            foreach (var code in codes)
            {
                GatewayMetrics.RuleRejections.Add(1, new KeyValuePair<string, object?>("rule", code));
            }

            Log.Error("REFUSED {IntentId} ({Intent} {Quantity} {Symbol} for {PositionId}): {Violations}", record.IntentId, record.Intent.Intent, record.Intent.Quantity, record.Intent.Symbol, record.Intent.PositionId, reason);
            Report(record.Intent.PositionId, new OrderOutcome.Rejected(record.Intent.ExitSequence, reason));
            Done();
        }));

    /// <summary>
    /// Waits and tries again. An intent that never reached the broker is refused after too many
    /// failures (its position retries later); one that may have reached it is never given up,
    /// since a new exit with a new id could then become a second order.
    /// </summary>
    private void RetryLater(IntentRecord record, BrokerFailure? failure, Action retry)
    {
        if (failure is BrokerFailure.Unauthorized or BrokerFailure.Rejected && record.Stage == IntentStage.Queued)
        {
            Refuse(record, BrokerRefusal, $"reading the broker's position failed: {failure.Message}");
            return;
        }

        if (failure is not null)
        {
            _failuresInARow++;
            GatewayMetrics.BrokerFailures.Add(1);
            Log.Warning("Broker call for {IntentId} failed ({Failure}), attempt {Attempt}", record.IntentId, failure, _failuresInARow);
        }

        if (record.Stage == IntentStage.Queued && _failuresInARow >= _settings.MaxAttempts)
        {
            Refuse(record, BrokerUnavailable, $"the broker did not answer after {_failuresInARow} attempts: {failure?.Message}");
            return;
        }

        var delay = failure is BrokerFailure.RateLimited limited ? Until(limited.RetryAt) : Backoff();
        Timers.StartSingleTimer("retry", new RetryAction(record.IntentId, retry), delay);
    }

    private TimeSpan Backoff()
    {
        var factor = Math.Pow(2, Math.Min(_failuresInARow, 10));
        var delay = TimeSpan.FromTicks((long)(_settings.RetryDelay.Ticks * factor));
        return delay < _settings.MaxRetryDelay ? delay : _settings.MaxRetryDelay;
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var wait = at - Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private void Done()
    {
        _working = null;
        _failuresInARow = 0;
        Self.Tell(WorkNext.Instance);
    }
}
