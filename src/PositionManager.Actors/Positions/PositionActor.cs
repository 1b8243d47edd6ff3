using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Event;
using Akka.Persistence;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Market;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Positions;

/// <summary>
/// One held contract. It decides nothing itself: the Domain's pure decisions say which events to
/// journal, and only after an event is journaled does anything leave the actor (invariant 6).
/// </summary>
public sealed class PositionActor : UntypedPersistentActor, IWithTimers
{
    // Actor timers, not the system scheduler: they end with the actor (a restart or passivation
    // leaves no stale resend behind) and a cancelled timer's queued message is dropped.
    private const string ClockTimer = "clock";
    private const string ResendTimer = "resend";

    private readonly PositionSettings _settings;
    private readonly IActorRef _gateway;
    private readonly TimeProvider _clock;
    private readonly Func<IActorRef?>? _closedListener;
    private readonly IMarketView _market;
    private PositionState _state;

    // Peaks journaled with PersistAsync and not yet confirmed, and the state they lead to: the
    // next tick decides on that, so a burst of ticks is journaled in one write instead of one
    // write each. Only _state (journaled) is ever shown, snapshotted or acted upon outside.
    private int _peaksInFlight;
    private PositionState? _aheadOfJournal;
    private bool _holdingForPeaks;
    private MarketQuote? _lastQuote;
    private DateTimeOffset? _lastQuoteAt;
    private long _lastSnapshotSequenceNr;

    // The sequence number the last snapshot was asked for at: until it is saved, later changes
    // must not ask again (each ask would write the same state once more).
    private long _snapshotAskedAt;
    private bool _countedOpen;

    // In memory only (RestingLimit): how long the pending limit has rested through its price, and
    // when its cancel was last asked for, which the live view shows.
    private RestingLimitWatch? _restingWatch;
    private (int ExitSequence, DateTimeOffset At)? _cancelAsked;

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Test-only seam of the simulation's planted bugs (issue 17): recovery skips every PeakRaised,
    /// as a position that forgot its peak would. Internal, and nothing in the product sets it.
    /// </summary>
    internal static bool ForgetsPeaksOnRecovery { get; set; }

    /// <summary>
    /// Test-only seam of the simulation's planted bugs (issue 17): a long's trail follows the price
    /// down, each lower sane quote journaled as a peak with the looser stop it gives (invariant 6).
    /// Internal, and nothing in the product sets it.
    /// </summary>
    internal static bool TrailsDown { get; set; }

    /// <param name="closedListener">Told when the position closes (the reconciler's proxy); looked up then, as it may start after the position.</param>
    /// <param name="market">The node's market clock (<see cref="MarketClockView"/>); without one the market counts as open at every hour.</param>
    public PositionActor(string positionId, PositionSettings settings, IActorRef gateway, TimeProvider clock, Func<IActorRef?>? closedListener = null, IMarketView? market = null)
    {
        PersistenceId = PersistenceIdFor(positionId);
        _settings = settings;
        _gateway = gateway;
        _clock = clock;
        _closedListener = closedListener;
        _market = market ?? AlwaysOpenMarket.Instance;
        _state = PositionState.New(positionId);
    }

    public override string PersistenceId { get; }

    public static string PersistenceIdFor(string positionId) => $"position-{positionId}";

    public static Props Props(string positionId, PositionSettings settings, IActorRef gateway, TimeProvider clock, Func<IActorRef?>? closedListener = null, IMarketView? market = null) =>
        Akka.Actor.Props.CreateBy(new PositionActorProducer(positionId, settings, gateway, clock, closedListener, market ?? AlwaysOpenMarket.Instance)).WithMailbox(PositionMailbox.ConfigPath);

    // Untyped on purpose: a ReceivePersistentActor builds its handler table per instance, which
    // costs kilobytes per position and a matcher walk per tick; these are plain type switches.
    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: PositionState snapshot } offer:
                _state = snapshot;
                _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
                _snapshotAskedAt = offer.Metadata.SequenceNr;
                break;
            case SnapshotOffer { Snapshot: PositionSnapshotV1 written } offer:
                _state = written.ToState();
                _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
                _snapshotAskedAt = offer.Metadata.SequenceNr;
                break;
            case PeakRaised when ForgetsPeaksOnRecovery:
                break;
            case IPositionEvent change:
                _state = _state.Apply(change);
                break;
            case RecoveryCompleted:
                OnRecovered();
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        // Anything but a tick waits until the peaks in flight are journaled, so that it decides
        // on, and answers with, journaled state exactly as before; once one waits, ticks wait
        // behind it, so nothing is reordered.
        if (_peaksInFlight > 0 && (_holdingForPeaks || message is not PriceTick))
        {
            _holdingForPeaks = true;
            Stash.Stash();
            return;
        }

        switch (message)
        {
            case PriceTick tick:
                OnTick(tick);
                break;
            case GetState:
                Sender.Tell(new PositionView(_state, _lastQuote, _lastQuoteAt, CancelAskedAt()));
                break;
            case Open open:
                Decide(PositionDecisions.Open(_state, open.ToDomain(), _clock.GetUtcNow()), Sender);
                break;
            case ChangePolicy change:
                Decide(PositionDecisions.ChangePolicy(_state, change.Policy, _clock.GetUtcNow()), Sender);
                break;
            case ReapplyPolicy reapply:
                Decide(PositionDecisions.ReapplyRule(_state, reapply.RuleName, reapply.Policy, reapply.UnderlyingSymbol, _clock.GetUtcNow()), Sender);
                break;
            case RequestClose:
                Decide(PositionDecisions.RequestClose(_state, _clock.GetUtcNow()), Sender);
                break;
            case ReportOrderOutcome report:
                Decide(PositionDecisions.OnOrderOutcome(_state, report.Outcome, _clock.GetUtcNow()), Sender);
                break;
            case MarkBrokerFlat flat:
                Decide(PositionDecisions.OnBrokerFlat(_state, flat.Reason, _clock.GetUtcNow()), Sender);
                break;
            case GatewayProtocol.CloseAccepted accepted:
                if (_state.PendingExit?.ClientOrderId == accepted.IntentId)
                {
                    ScheduleResend(_settings.PendingExitResendInterval);
                }

                break;
            case PositionInternals.ResendPendingExit:
                if (_state.PendingExit is { } unanswered)
                {
                    Log.Debug("Re-sending exit {ExitSequence} of {PositionId} as {ClientOrderId}", unanswered.ExitSequence, _state.PositionId, unanswered.ClientOrderId);
                    SendToGateway(unanswered, null);
                }

                break;
            case PositionInternals.EvaluateClock:
                Decide(PositionDecisions.OnClock(_state, Market(_clock.GetUtcNow())), replyTo: null);
                break;
            case SaveSnapshotSuccess success:
                OnSnapshotSaved(success.Metadata);
                break;
            case SaveSnapshotFailure failure:
                Log.Warning(failure.Cause, "Snapshot of {PositionId} at {SequenceNr} failed; recovery replays events instead", _state.PositionId, failure.Metadata.SequenceNr);
                _snapshotAskedAt = _lastSnapshotSequenceNr;
                PassivateIfClosed();
                break;
            case DeleteSnapshotsFailure failure:
                Log.Warning(failure.Cause, "Deleting old snapshots of {PositionId} failed", _state.PositionId);
                break;
            case DeleteSnapshotsSuccess:
                break;
            case PositionInternals.PassivateIfStillClosed:
                PassivateIfClosed();
                break;
            case PositionInternals.StopEntity:
                Context.Stop(Self);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        CountOpen(false);
        base.PostStop();
    }

    private void OnRecovered()
    {
        Log.Debug("Position {PositionId} recovered at {SequenceNr}: {Status}", _state.PositionId, LastSequenceNr, _state.Status);
        if (_state.Status == PositionStatus.Closed)
        {
            // The node may have died between journaling the close and telling the listener.
            TellClosed();
            Self.Tell(PositionInternals.PassivateIfStillClosed.Instance);
            return;
        }

        CountOpen(_state.Status == PositionStatus.Open);
        ScheduleClock();

        // An exit journaled but not yet ended may never have reached the gateway, or its outcome
        // may have been lost; sending it again is safe because the gateway deduplicates by intent id.
        if (_state.PendingExit is { } pending)
        {
            SendToGateway(pending, null);
        }
    }

    private void OnTick(PriceTick tick)
    {
        var now = _clock.GetUtcNow();
        _lastQuote = tick.Quote;
        _lastQuoteAt = now;
        WatchRestingLimit(tick.Quote, now);
        var basis = _aheadOfJournal ?? _state;
        var decision = PositionDecisions.OnQuote(basis, tick.Quote, Market(now), _settings.MaxQuoteAge);
        if (TrailsDown && decision is { Events.Count: 0, IsRefused: false } && TrailedDown(basis, tick.Quote, now) is { } lower)
        {
            decision = Decision.Of(lower);
        }

        if (decision.Events is not [PeakRaised peak])
        {
            // An exit (invariant 6: it reaches the gateway only once journaled) or nothing: as
            // any command. Persist orders its events after the peaks in flight.
            Decide(decision, replyTo: null);
            return;
        }

        // A new peak has no effect outside the actor, so it need not hold the mailbox while it is
        // written; the stop it moves is acted upon only through a later, journaled exit.
        _aheadOfJournal = basis.Apply(peak);
        _peaksInFlight++;
        PersistAsync(peak, PeakJournaled);
    }

    /// <summary>
    /// A pending limit the market fell through is cancelled (RestingLimit); its end then comes as
    /// any order's, through the gateway, and only then can a new exit fire (invariant 3). Nothing
    /// is journaled: a cancel asked for and lost in a crash is asked again one rest period after
    /// the position is back, and one that reached the broker ends the order all the same.
    /// </summary>
    private void WatchRestingLimit(MarketQuote quote, DateTimeOffset now)
    {
        if (_state.PendingExit is not { LimitPrice: not null } pending)
        {
            _restingWatch = null;
            return;
        }

        var verdict = RestingLimit.OnQuote(_state, _restingWatch, quote, Market(now), _settings.MaxQuoteAge);
        _restingWatch = verdict.Watch;
        if (!verdict.AskCancel)
        {
            return;
        }

        _cancelAsked = (pending.ExitSequence, now);
        Log.Warning("Exit {ExitSequence} of {PositionId} rests as a limit at {LimitPrice} the market has stayed through for {CancelAfter}: asking the gateway to cancel {ClientOrderId}", pending.ExitSequence, _state.PositionId, pending.LimitPrice, RestingLimit.CancelAfter, pending.ClientOrderId);
        PositionMetrics.RestingLimitCancels.Add(1);
        _gateway.Tell(new GatewayProtocol.CancelExit(pending.ClientOrderId, _state.PositionId, pending.ExitSequence));
    }

    private DateTimeOffset? CancelAskedAt() =>
        _cancelAsked is { } asked && _state.PendingExit?.ExitSequence == asked.ExitSequence ? asked.At : null;

    /// <summary>The planted bug of <see cref="TrailsDown"/>: the peak and stop a lower quote would give.</summary>
    private PeakRaised? TrailedDown(PositionState basis, MarketQuote quote, DateTimeOffset now)
    {
        if (basis.Side != PositionSide.Long || basis.Policy.Trailing is not { } trail || basis.Stop is not { } stop || basis.Symbol is not { } symbol
            || QuoteSanity.Check(quote, symbol.Value, now, _settings.MaxQuoteAge).Quote?.PriceFor(basis.Policy.PriceSource) is not { } price)
        {
            return null;
        }

        var looser = Trail.StopFor(trail, basis.Side, basis.EntryPrice, price);
        return looser < stop ? new PeakRaised(price, looser, basis.TrailArmed, now) : null;
    }

    private void PeakJournaled(PeakRaised peak)
    {
        _state = _state.Apply(peak);
        if (--_peaksInFlight == 0)
        {
            _aheadOfJournal = null;
            if (_holdingForPeaks)
            {
                _holdingForPeaks = false;
                Stash.UnstashAll();
            }
        }

        AfterChange();
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        if (@event is PeakRaised && _peaksInFlight > 0)
        {
            // Later ticks decided on top of a peak that will never be journaled; starting again
            // from the journal is the only state that is true. The shard restarts the position.
            Context.Stop(Self);
        }
    }

    private void Decide(Decision decision, IActorRef? replyTo)
    {
        if (decision.Refusal is { } refusal)
        {
            replyTo?.Tell(new CommandRefused(_state.PositionId, refusal));
            return;
        }

        if (decision.Events.Count == 0)
        {
            replyTo?.Tell(new CommandAccepted(_state.PositionId, _state));
            return;
        }

        PersistAll(decision.Events, Applied);
        DeferAsync(decision, _ =>
        {
            replyTo?.Tell(new CommandAccepted(_state.PositionId, _state));
            AfterChange();
        });
    }

    private void Applied(IPositionEvent change)
    {
        _state = _state.Apply(change);
        switch (change)
        {
            case ExitTriggered exit:
                Log.Info("Exit {ExitSequence} of {PositionId}: {Reason} for {Quantity} at {TriggerPrice} as {ClientOrderId}", exit.ExitSequence, _state.PositionId, exit.Reason, exit.Quantity, exit.TriggerPrice, exit.ClientOrderId);
                PositionMetrics.Exits.Add(1, new KeyValuePair<string, object?>("reason", exit.Reason.ToString()));
                SendToGateway(_state.PendingExit!, exit.TriggerPrice);
                break;
            case PositionOpened:
                CountOpen(true);
                ScheduleClock();
                break;
            case PolicyChanged:
                // A re-applied rule may bring a time exit the old policy did not have.
                ScheduleClock();
                break;
            case CloseOrderSubmitted:
                ScheduleResend(_settings.PendingExitResendInterval);
                break;
            case CloseOrderRejected rejected:
                Timers.Cancel(ResendTimer);
                if (_state.ConsecutiveRejections >= _settings.RejectionAlertThreshold)
                {
                    PositionMetrics.RejectionAlerts.Add(1);
                    Log.Error("ALERT: {PositionId} ({Symbol}) could not be closed {Rejections} times in a row; last refusal: {Reason}", _state.PositionId, _state.Symbol, _state.ConsecutiveRejections, rejected.Reason);
                }
                else
                {
                    Log.Warning("Exit {ExitSequence} of {PositionId} refused: {Reason}; retrying after {RetryNotBefore}", rejected.ExitSequence, _state.PositionId, rejected.Reason, _state.RetryNotBefore);
                }

                break;
            case CloseOrderFilled or CloseOrderCanceled:
                Timers.Cancel(ResendTimer);
                break;
            case PositionClosed closed:
                Log.Info("Position {PositionId} closed: {Reason}", _state.PositionId, closed.Reason);
                CountOpen(false);
                Timers.CancelAll();
                TellClosed();
                break;
        }
    }

    private void AfterChange()
    {
        var closed = _state.Status == PositionStatus.Closed;
        if (LastSequenceNr > _snapshotAskedAt && (closed || LastSequenceNr - _snapshotAskedAt >= _settings.SnapshotEvery))
        {
            _snapshotAskedAt = LastSequenceNr;
            SaveSnapshot(_state);
        }
    }

    private void OnSnapshotSaved(SnapshotMetadata metadata)
    {
        // Events stay for `position history`; only the snapshots they supersede go.
        if (_lastSnapshotSequenceNr > 0)
        {
            DeleteSnapshots(new SnapshotSelectionCriteria(metadata.SequenceNr - 1));
        }

        _lastSnapshotSequenceNr = metadata.SequenceNr;
        PassivateIfClosed();
    }

    /// <summary>Keeps <see cref="PositionMetrics.OpenPositions"/> at the open positions this node hosts.</summary>
    private void CountOpen(bool open)
    {
        if (open != _countedOpen)
        {
            PositionMetrics.CountOpen(open ? 1 : -1);
            _countedOpen = open;
        }
    }

    private void PassivateIfClosed()
    {
        if (_state.Status == PositionStatus.Closed)
        {
            // Passivation through the shard also drops the entity from remember-entities, so a
            // closed position is not started again after a restart.
            Context.Parent.Tell(new Passivate(PositionInternals.StopEntity.Instance));
        }
    }

    private void TellClosed() =>
        _closedListener?.Invoke()?.Tell(new Closed(_state.PositionId, _state.ClosedReason ?? "closed"));

    /// <summary>
    /// The market as this position's decisions see it: the node's clock, one volatile read per tick.
    /// While it says closed, quotes move nothing and nothing triggers; the first sane tick after
    /// the open decides.
    /// </summary>
    private MarketMoment Market(DateTimeOffset now) => _market.At(now);

    private void ScheduleClock()
    {
        // Only positions with a time exit pay for a timer.
        if (_state.IsOpen && _state.Policy.TimeExit is not null && !Timers.IsTimerActive(ClockTimer))
        {
            Timers.StartPeriodicTimer(ClockTimer, PositionInternals.EvaluateClock.Instance, _settings.ClockInterval);
        }
    }

    private void ScheduleResend(TimeSpan after)
    {
        // A timer started again under the same key replaces the earlier one, whose message, even if
        // already queued, is then dropped: one resend at a time.
        Timers.StartSingleTimer(ResendTimer, PositionInternals.ResendPendingExit.Instance, after);
    }

    /// <summary>At least once: re-sent until acknowledged, then now and then until its order ends.</summary>
    private void SendToGateway(PendingExit exit, decimal? triggerPrice)
    {
        ScheduleResend(_settings.GatewayAckTimeout);
        _gateway.Tell(new GatewayProtocol.SubmitClose(
            exit.ClientOrderId,
            _state.PositionId,
            exit.ExitSequence,
            _state.Symbol!.Value,
            _state.ClosingSide,
            _state.ClosingIntent,
            exit.Quantity,
            exit.Reason,
            triggerPrice,
            exit.LimitPrice));
    }
}
