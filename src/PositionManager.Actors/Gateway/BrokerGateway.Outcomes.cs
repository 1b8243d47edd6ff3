using Akka.Actor;
using Akka.Event;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Positions;
using static PositionManager.Actors.Gateway.GatewayEvents;
using static PositionManager.Actors.Gateway.GatewayInternals;

namespace PositionManager.Actors.Gateway;

/// <summary>What became of the orders: the trade stream while it listens, polling whenever it does not.</summary>
public sealed partial class BrokerGateway
{
    private readonly HashSet<string> _finishing = new(StringComparer.Ordinal);
    private int _pollsInFlight;
    private bool _pollOwed;

    private bool OnOutcomeMessage(object message)
    {
        switch (message)
        {
            case StreamListening:
                Log.Info("Trade updates stream listening");
                _streamListening = true;
                // Updates sent while we were away are not replayed: look at every open order once.
                PollOpenOrdersNow();
                return true;
            case StreamDown down:
                if (_streamListening)
                {
                    Log.Warning("Trade updates stream down ({Reason}); polling open orders every {PollInterval}", down.Reason, _settings.PollInterval);
                }

                _streamListening = false;
                return true;
            case StreamUpdate update:
                OnBrokerOrder(update.Update.Order);
                return true;
            case BrokerOrderSeen seen:
                OnBrokerOrder(seen.Order);
                return true;
            case GatewayInternals.PollOpenOrders:
                // The periodic poll while the stream is down: one under way already covers this turn.
                if (!_streamListening && _pollsInFlight == 0)
                {
                    PollOpenOrdersNow();
                }

                return true;
            case RetryFailedPoll:
                PollOpenOrdersNow();
                return true;
            case PollAnswered answer:
                _pollsInFlight--;
                if (answer.Result is { IsSuccess: true, Value: { } order })
                {
                    OnBrokerOrder(order);
                }
                else if (answer.Result.IsSuccess)
                {
                    Log.Error("Order {ClientOrderId} is submitted here but unknown to the broker", answer.IntentId);
                }
                else
                {
                    // A listening stream asks for no more polls, and the update this poll was to catch
                    // was sent while it was away: without another poll that order would never be heard of.
                    Log.Warning("Polling order {ClientOrderId} failed ({Failure}); polling again in {PollInterval}", answer.IntentId, answer.Result.Failure, _settings.PollInterval);
                    Timers.StartSingleTimer("poll-retry", RetryFailedPoll.Instance, _settings.PollInterval);
                }

                if (_pollsInFlight == 0)
                {
                    PollIfOwed();
                }

                return true;
            default:
                return false;
        }
    }

    private void PollOpenOrdersNow()
    {
        // Owed, not dropped: a poll already under way was sent before whatever asked for this one,
        // so it may have missed an update; and an order whose acceptance is still being journaled is
        // not yet open here, so a poll now would leave it out while the stream missed its fill.
        // Exits first, too: a poll is one request per open order, each a submit the budget could not send.
        // The owed poll runs once the polls in flight are answered and the outbox is empty
        // (PollAnswered, BrokerGateway.TakeUpNext, Accept's journal callback).
        if (_pollsInFlight > 0 || _state.Outbox.Count > 0)
        {
            _pollOwed = true;
            return;
        }

        _pollOwed = false;

        foreach (var record in _state.OpenAtBroker)
        {
            _pollsInFlight++;
            var intentId = record.IntentId;
            _broker.GetOrderByClientOrderIdAsync(intentId, _stopping.Token).PipeTo(
                Self,
                success: result => new PollAnswered(intentId, result),
                failure: error => new PollAnswered(intentId, new BrokerFailure.Transient(error.Message)));
        }
    }

    /// <summary>The outbox may be empty and the polls answered: the poll that waited for them runs now.</summary>
    private void PollIfOwed()
    {
        if (_pollOwed)
        {
            PollOpenOrdersNow();
        }
    }

    /// <summary>The broker's latest word on one of our orders, from the stream, a poll or a submit answer.</summary>
    private void OnBrokerOrder(BrokerOrder order)
    {
        if (_state.Find(order.ClientOrderId) is not { } record)
        {
            // Not one of ours (an operator's manual order): nothing for a position to learn.
            return;
        }

        var intent = record.Intent;
        var filled = (int)order.FilledQuantity;
        if (filled > record.FilledQuantity || order.Status.IsTerminal())
        {
            // In memory at once, so a re-sent intent hears the latest even before the end is journaled.
            _state = _state.WithProgress(record.IntentId, filled, order.FilledAveragePrice, order.Status.IsTerminal() ? order : null);
        }

        if (BrokerOrderOutcomes.For(intent.ExitSequence, order) is { } outcome)
        {
            Report(intent.PositionId, outcome);
        }

        if (order.Status.IsTerminal() && record.Stage != IntentStage.Finished && _finishing.Add(record.IntentId))
        {
            RecordAsync(new OrderFinished(record.IntentId, order.Status, order.StatusText, filled, order.FilledAveragePrice, Now), () =>
            {
                _finishing.Remove(record.IntentId);
                Log.Info("Order {ClientOrderId} ended {Status}: {Filled} of {Quantity} at {AveragePrice}", record.IntentId, order.StatusText, filled, intent.Quantity, order.FilledAveragePrice);
            });
        }
    }

    /// <summary>A position asked again: tell it everything we know, in order. Duplicates are harmless to it.</summary>
    private void RepeatOutcome(IntentRecord record)
    {
        var intent = record.Intent;
        if (record.RefusalReason is { } reason)
        {
            Report(intent.PositionId, new OrderOutcome.Rejected(intent.ExitSequence, reason));
            return;
        }

        if (record.BrokerOrderId is { } brokerOrderId)
        {
            Report(intent.PositionId, new OrderOutcome.Submitted(intent.ExitSequence, intent.IntentId, brokerOrderId));
        }

        var status = record.FinalStatus ?? BrokerOrderStatus.Working;
        if (BrokerOrderOutcomes.For(intent.ExitSequence, status, record.FinalStatusText ?? "working", record.FilledQuantity, record.FilledAveragePrice) is { } outcome)
        {
            Report(intent.PositionId, outcome);
        }
    }

    private void Report(string positionId, OrderOutcome outcome)
    {
        if (_positions() is { } region)
        {
            region.Tell(new PositionProtocol.ReportOrderOutcome(positionId, outcome));
        }
        else
        {
            // The position re-sends its intent until it hears back, and then hears this again.
            Log.Warning("Position region not started; {Outcome} for {PositionId} will be repeated when it asks", outcome, positionId);
        }
    }
}
