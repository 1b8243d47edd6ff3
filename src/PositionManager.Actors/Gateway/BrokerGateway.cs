using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using PositionManager.Actors.Market;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using static PositionManager.Actors.Gateway.GatewayEvents;
using static PositionManager.Actors.Gateway.GatewayInternals;
using static PositionManager.Actors.Gateway.GatewayProtocol;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// The one path from the position manager to the broker (a cluster singleton). Close intents are
/// journaled in an outbox and sent one at a time, in arrival order, each only after OrderRules
/// passed on the broker's current view of that exact symbol; "submitting" is journaled before the
/// HTTP call, so after a crash, restart or failover the order is looked up by its client_order_id
/// before anything could be sent again (invariants 1-5, 7).
/// </summary>
public sealed partial class BrokerGateway : UntypedPersistentActor, IWithTimers
{
    public const string Name = "broker-gateway";

    private readonly IBrokerClient _broker;
    private readonly ITradeUpdateSource? _stream;
    private readonly Func<IActorRef?> _positions;
    private readonly GatewaySettings _settings;
    private readonly TimeProvider _clock;
    private readonly IMarketView _market;
    private readonly CancellationTokenSource _stopping = new();
    private GatewayState _state;
    private long _lastSnapshotSequenceNr;

    // Until the snapshot asked for is saved, later events must not ask again: each ask serialises
    // every remembered intent once more (a burst of them while a large snapshot was being written).
    private long _snapshotAskedAt;
    private bool _streamListening;
    private readonly HashSet<string> _queuing = new(StringComparer.Ordinal);

    /// <param name="positions">The position shard region, resolved late: it is started after the gateway.</param>
    /// <param name="market">The market clock of the node it runs on; while it says closed no order is sent. Without one the market counts as open at every hour.</param>
    public BrokerGateway(IBrokerClient broker, ITradeUpdateSource? stream, Func<IActorRef?> positions, GatewaySettings settings, TimeProvider clock, IMarketView? market = null)
    {
        _broker = broker;
        _stream = stream;
        _positions = positions;
        _settings = settings;
        _clock = clock;
        _market = market ?? AlwaysOpenMarket.Instance;
        _state = GatewayState.Retaining(settings.RetainCompleted);
    }

    public override string PersistenceId => Name;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IBrokerClient broker, ITradeUpdateSource? stream, Func<IActorRef?> positions, GatewaySettings settings, TimeProvider clock, IMarketView? market = null) =>
        Akka.Actor.Props.Create(() => new BrokerGateway(broker, stream, positions, settings, clock, market));

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: GatewaySnapshot snapshot } offer:
                _state = snapshot.ToState(_settings.RetainCompleted);
                _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
                _snapshotAskedAt = offer.Metadata.SequenceNr;
                break;
            case SnapshotOffer { Snapshot: GatewaySnapshotV1 written } offer:
                // Taken before done intents were forgotten; the next snapshot is a v2.
                _state = written.ToState(_settings.RetainCompleted);
                _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
                _snapshotAskedAt = offer.Metadata.SequenceNr;
                break;
            case IGatewayEvent change:
                _state = _state.Apply(change);
                break;
            case RecoveryCompleted:
                OnRecovered();
                break;
        }
    }

    /// <summary>Before recovery completes nothing arrives here (commands wait); after it, the outbox's states take over.</summary>
    protected override void OnCommand(object message) => Idle(message);

    /// <summary>What every state of the outbox handles alike.</summary>
    private void OnCommon(object message)
    {
        switch (message)
        {
            case Halt halt:
                Record(new GatewayHalted(halt.Reason, halt.RequestedBy, Now), () =>
                {
                    Log.Warning("Gateway HALTED by {RequestedBy}: {Reason}; every new order is refused until resumed", halt.RequestedBy, halt.Reason);
                    Sender.Tell(Status());
                });
                break;
            case Resume resume:
                Record(new GatewayResumed(resume.RequestedBy, Now), () =>
                {
                    Log.Warning("Gateway resumed by {RequestedBy}", resume.RequestedBy);
                    Sender.Tell(Status());
                    WorkOnOutbox();
                });
                break;
            case GetStatus:
                Sender.Tell(Status());
                break;
            case SaveSnapshotSuccess success:
                DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1));
                _lastSnapshotSequenceNr = success.Metadata.SequenceNr;
                break;
            case SaveSnapshotFailure failure:
                Log.Warning(failure.Cause, "Gateway snapshot at {SequenceNr} failed; recovery replays events instead", failure.Metadata.SequenceNr);
                _snapshotAskedAt = _lastSnapshotSequenceNr;
                break;
            case DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                break;
            case PositionProtocol.CommandAccepted or PositionProtocol.CommandRefused:
                // A position's answer to a reported outcome: the outcome is idempotent, so nothing waits on it.
                break;
            default:
                if (!OnOutcomeMessage(message) && !OnCancelMessage(message))
                {
                    Unhandled(message);
                }

                break;
        }
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        base.PostStop();
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private void OnRecovered()
    {
        Log.Info("Gateway recovered: {Outbox} intents in the outbox, {Open} orders open at the broker, {Done} done intents remembered, halted={Halted}", _state.Outbox.Count, _state.OpenAtBroker.Count(), _state.Completed.Count, _state.Halted);
        GatewayMetrics.Publish(_state.Outbox.Count, _state.Halted);
        StartStream();

        // Whatever happened while no gateway ran, the broker knows: poll once before trusting the stream.
        Self.Tell(PollOpenOrders.Instance);
        Timers.StartPeriodicTimer("poll", PollOpenOrders.Instance, _settings.PollInterval);
        Become(Idle);
        WorkOnOutbox();
    }

    private void OnSubmitClose(SubmitClose intent, bool mayStartAtOnce)
    {
        if (_state.Find(intent.IntentId) is { } known)
        {
            // A re-send (restart, timeout, lost answer): acknowledge again and repeat what we know.
            Sender.Tell(new CloseAccepted(intent.IntentId));
            RepeatOutcome(known);
            return;
        }

        if (!_queuing.Add(intent.IntentId))
        {
            // Already being journaled: its acknowledgement is on the way.
            return;
        }

        if (mayStartAtOnce && TryStartAtOnce(intent, Sender))
        {
            return;
        }

        var replyTo = Sender;
        // Asynchronously, so that many intents arriving at once share journal round trips; the
        // acknowledgement still waits for the write, and the journal keeps their order.
        RecordAsync(new IntentQueued(intent, Now), () =>
        {
            Acknowledge(intent, replyTo);
            // As a message, not a call: work that persists must not start inside an async persist's callback.
            Self.Tell(WorkNext.Instance);
        });
    }

    private void Acknowledge(SubmitClose intent, IActorRef replyTo)
    {
        _queuing.Remove(intent.IntentId);
        Log.Info("Intent {IntentId} journaled: {Intent} {Quantity} {Symbol} for {PositionId} ({Reason})", intent.IntentId, intent.Intent, intent.Quantity, intent.Symbol, intent.PositionId, intent.Reason);
        replyTo.Tell(new CloseAccepted(intent.IntentId));
    }

    private void Record(IGatewayEvent change, Action then) => Persist(change, persisted => Applied(persisted, then));

    private void RecordAll(IReadOnlyList<IGatewayEvent> changes, Action then)
    {
        // Counted, not compared: the journal may hand back equal copies rather than the same objects.
        var remaining = changes.Count;
        PersistAll(changes, persisted => Applied(persisted, --remaining == 0 ? then : static () => { }));
    }

    /// <summary>For events that need not hold back the next command: nothing outside waits on them but their own callback.</summary>
    private void RecordAsync(IGatewayEvent change, Action then) => PersistAsync(change, persisted => Applied(persisted, then));

    private void Applied(IGatewayEvent change, Action then)
    {
        _state = _state.Apply(change);
        GatewayMetrics.Publish(_state.Outbox.Count, _state.Halted);
        Context.System.EventStream.Publish(new GatewayNotice(change, GatewayNotice.IntentIdOf(change) is { } id ? _state.Find(id) : null));
        then();
        if (LastSequenceNr - _snapshotAskedAt >= SnapshotInterval)
        {
            _snapshotAskedAt = LastSequenceNr;
            SaveSnapshot(GatewaySnapshot.Of(_state));
        }
    }

    /// <summary>
    /// A snapshot writes every remembered intent (up to GatewaySettings.RetainCompleted done ones,
    /// some MB), where an event writes one. Taken only after at least as many events as it holds
    /// intents, its cost per event stays constant however much the gateway remembers, and recovery
    /// still replays no more events after it than it holds records. At 10,000 remembered intents,
    /// a snapshot every 200 events took a quarter of a core in the exit benchmark.
    /// </summary>
    private int SnapshotInterval => Math.Max(_settings.SnapshotEvery, _state.Intents.Count);

    private GatewayStatus Status() =>
        new(_state.Halted, _state.HaltReason, _state.Outbox.Count, _streamListening,
            _state.Intents.Values.OrderByDescending(i => i.ReceivedAt).Take(50).ToList());

    private void StartStream()
    {
        if (_stream is null)
        {
            return;
        }

        var sink = new ActorTradeUpdateSink(Self);
        var token = _stopping.Token;
        var stream = _stream;
        _ = Task.Run(() => stream.RunAsync(sink, token), token);
    }
}
