using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Reconciliation.ReconcilerInternals;
using static PositionManager.Actors.Reconciliation.ReconcilerProtocol;

namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// Compares the broker's positions with the positions here, at start and every interval (a
/// cluster singleton): adopts long option positions nobody manages, closes the positions the
/// broker no longer holds, and raises alerts for what it must not touch (shorts it did not open,
/// stock) and for drift. Its broker calls are reads; it never sends an order.
/// Which positions are open is journaled here (tracked/released), so a position closed at the
/// broker while no node ran is still found and closed after a restart, and the price feed gets
/// the whole set back as soon as this actor has recovered.
/// </summary>
public sealed partial class Reconciler : UntypedPersistentActor, IWithTimers
{
    public const string Name = "reconciler";

    /// <summary>Why a position is marked flat: its closed reason in the journal and in <c>position history</c>.</summary>
    public const string FlatReason = "the broker no longer holds it";

    private readonly IBrokerClient _broker;
    private readonly IContractDirectory _contractDirectory;
    private readonly Func<IActorRef?> _positions;
    private readonly Func<IActorRef?> _priceFeed;
    private readonly ReconcilerSettings _settings;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly AlertBook _alerts = new();
    private readonly Dictionary<string, PriceSource> _priceSources = new(StringComparer.Ordinal);
    private readonly List<IActorRef> _waitingForThisPass = [];
    private readonly List<IActorRef> _waitingForNextPass = [];
    private ReconcilerState _state = ReconcilerState.Empty;

    /// <summary>Contracts read at adoption, in memory only: once adopted, a position journals its own underlying.</summary>
    private IReadOnlyDictionary<string, ContractLookup> _contracts = new Dictionary<string, ContractLookup>();
    private long _lastSnapshotSequenceNr;
    private bool _passRunning;

    /// <param name="positions">The position shard region, resolved when a pass starts.</param>
    /// <param name="priceFeed">Told the open positions after every pass; null when no feed runs.</param>
    /// <param name="contracts">Where a contract's underlying is read at adoption, for the policy rules.</param>
    public Reconciler(IBrokerClient broker, IContractDirectory contracts, Func<IActorRef?> positions, Func<IActorRef?> priceFeed, ReconcilerSettings settings, TimeProvider clock)
    {
        _broker = broker;
        _contractDirectory = contracts;
        _positions = positions;
        _priceFeed = priceFeed;
        _settings = settings;
        _clock = clock;
    }

    public override string PersistenceId => Name;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IBrokerClient broker, IContractDirectory contracts, Func<IActorRef?> positions, Func<IActorRef?> priceFeed, ReconcilerSettings settings, TimeProvider clock) =>
        Akka.Actor.Props.Create(() => new Reconciler(broker, contracts, positions, priceFeed, settings, clock));

    protected override void OnRecover(object message)
    {
        switch (message)
        {
            case SnapshotOffer { Snapshot: ReconcilerSnapshot snapshot } offer:
                _state = snapshot.ToState();
                _lastSnapshotSequenceNr = offer.Metadata.SequenceNr;
                break;
            case IReconcilerEvent change:
                _state = _state.Apply(change);
                break;
            case RecoveryCompleted:
                Log.Info("Reconciler recovered: {Tracked} open positions tracked; first pass now, then every {Interval}", _state.Tracked.Count, _settings.Interval);
                _priceFeed()?.Tell(Watched());
                Timers.StartPeriodicTimer("pass", Tick.Instance, _settings.Interval);
                StartPass();
                break;
        }
    }

    protected override void OnCommand(object message)
    {
        switch (message)
        {
            case Tick when !_passRunning:
                StartPass();
                break;
            case Tick:
                break;
            case ReconcileNow when _passRunning:
                // The running pass may have read the broker before whatever prompted this request.
                _waitingForNextPass.Add(Sender);
                break;
            case ReconcileNow:
                _waitingForThisPass.Add(Sender);
                StartPass();
                break;
            case PassFinished finished:
                OnPassFinished(finished.Result);
                break;
            case GetAlerts:
                Sender.Tell(new AlertList(_alerts.Active));
                break;
            case GetWatched:
                Sender.Tell(Watched());
                break;
            case PositionProtocol.Closed closed:
                OnClosedHere(closed);
                break;
            case CloseChecked check:
                OnCloseChecked(check);
                break;
            case SaveSnapshotSuccess success:
                DeleteSnapshots(new SnapshotSelectionCriteria(success.Metadata.SequenceNr - 1));
                _lastSnapshotSequenceNr = success.Metadata.SequenceNr;
                break;
            case SaveSnapshotFailure failure:
                Log.Warning(failure.Cause, "Reconciler snapshot at {SequenceNr} failed; recovery replays events instead", failure.Metadata.SequenceNr);
                break;
            case DeleteSnapshotsSuccess or DeleteSnapshotsFailure:
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        base.PostStop();
    }

    private void StartPass()
    {
        _passRunning = true;
        if (_positions() is not { } region)
        {
            Self.Tell(new PassFinished(PassResult.Failed("the position region is not running yet")));
            return;
        }

        new ReconcilePass(_broker, _contractDirectory, region, _settings, _clock).RunAsync(_state.Tracked, HeldButClosedSince(), _contracts, _stopping.Token).PipeTo(
            Self,
            success: result => new PassFinished(result),
            failure: error => new PassFinished(PassResult.Failed(error.Message)));
    }

    private Dictionary<string, DateTimeOffset> HeldButClosedSince() =>
        _alerts.Active.Where(a => a.Kind == AlertKind.HeldButClosedHere).ToDictionary(a => a.Symbol, a => a.FirstSeenAt, StringComparer.Ordinal);

    private void OnPassFinished(PassResult result)
    {
        var now = _clock.GetUtcNow();
        // A position that told of its close while the pass ran is released already (marking one
        // flat does that too): its release is not journaled twice.
        var changes = result.Tracked.Select(t => (IReconcilerEvent)new ReconcilerEvents.PositionTracked(t.PositionId, t.Symbol, now))
            .Concat(result.Released.Where(r => _state.Tracked.ContainsKey(r.PositionId)).Select(r => new ReconcilerEvents.PositionReleased(r.PositionId, r.Reason, now)))
            .ToList();
        if (changes.Count == 0)
        {
            Finish(result);
            return;
        }

        // Counted, not compared: the journal may hand back equal copies rather than the same objects.
        var remaining = changes.Count;
        PersistAll(changes, change =>
        {
            _state = _state.Apply(change);
            if (--remaining == 0)
            {
                Finish(result);
            }

            SnapshotIfDue();
        });
    }

    private void SnapshotIfDue()
    {
        if (LastSequenceNr - _lastSnapshotSequenceNr >= _settings.SnapshotEvery)
        {
            SaveSnapshot(ReconcilerSnapshot.Of(_state));
        }
    }

    private void Finish(PassResult result)
    {
        _passRunning = false;
        var now = _clock.GetUtcNow();
        if (result.Failure is { } failure)
        {
            ReconcilerMetrics.PassFailures.Add(1);
            Log.Warning("Reconciliation pass failed, nothing changed: {Reason}", failure);
        }
        else
        {
            Report(result, now);
            _priceFeed()?.Tell(Watched());
        }

        var completed = new ReconcileCompleted(now, result.BrokerPositions, result.Adopted, result.MarkedFlat, _alerts.Active, result.Failure);
        _waitingForThisPass.ForEach(waiting => waiting.Tell(completed));
        _waitingForThisPass.Clear();
        if (_waitingForNextPass.Count > 0)
        {
            _waitingForThisPass.AddRange(_waitingForNextPass);
            _waitingForNextPass.Clear();
            StartPass();
        }
    }

    private PriceFeedProtocol.Watch Watched() =>
        new([.. _state.Tracked.Values
            .OrderBy(t => t.PositionId, StringComparer.Ordinal)
            .Select(t => new WatchedPosition(t.PositionId, t.Symbol, _priceSources.GetValueOrDefault(t.PositionId, _settings.Policies.Default.PriceSource)))]);
}
