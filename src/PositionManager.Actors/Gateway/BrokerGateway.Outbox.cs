using Akka.Actor;
using Akka.Event;
using PositionManager.Actors.Gateway.Sequencing;
using static PositionManager.Actors.Gateway.GatewayInternals;
using static PositionManager.Actors.Gateway.GatewayProtocol;

namespace PositionManager.Actors.Gateway;

/// <summary>
/// The outbox as three states (docs/DESIGN.md, "The gateway's outbox"): Idle (nothing in hand; an
/// intent arriving may start at once), Working (one intent in hand, its answers awaited) and
/// Holding (the market is closed; the first intent waits for the open). What to do next for the
/// intent in hand is <see cref="IntentSequencing.Decide"/>'s; the states only perform it.
/// </summary>
public sealed partial class BrokerGateway
{
    /// <summary>How often held intents look whether the market has opened: the clock view is a memory read.</summary>
    private static readonly TimeSpan MarketOpenCheck = TimeSpan.FromSeconds(1);

    private void Idle(object message)
    {
        switch (message)
        {
            case SubmitClose intent:
                OnSubmitClose(intent, mayStartAtOnce: true);
                break;
            case WorkNext or MarketMayHaveOpened:
                TakeUpNext(releasedFromHold: false);
                break;
            default:
                OnCommon(message);
                break;
        }
    }

    private void Holding(object message)
    {
        switch (message)
        {
            case SubmitClose intent:
                OnSubmitClose(intent, mayStartAtOnce: false);
                break;
            case WorkNext or MarketMayHaveOpened:
                TakeUpNext(releasedFromHold: true);
                break;
            default:
                OnCommon(message);
                break;
        }
    }

    private UntypedReceive Working(WorkingIntent work) => message =>
    {
        switch (message)
        {
            case SubmitClose intent:
                OnSubmitClose(intent, mayStartAtOnce: false);
                break;
            case WorkNext or MarketMayHaveOpened:
                // One intent at a time: the next is taken up when this one is done or held.
                break;
            case PositionRead read when read.IntentId == work.IntentId:
                work.CheckedOnSharedRead = false;
                Advance(work, read.Result.Failure is { } failure
                    ? new SequencingInput.ReadFailed(failure)
                    : new SequencingInput.RulesChecked(Check(Current(work), read.Result.Value)));
                break;
            case PositionsListed listed when listed.IntentId == work.IntentId:
                OnPositionsListed(work, listed);
                break;
            case SubmitAnswered answer when answer.IntentId == work.IntentId:
                HeardAbout(Current(work));
                LogSubmitAnswer(answer);
                Advance(work, new SequencingInput.SubmitAnswer(answer.Result));
                break;
            case LookupAnswered lookup when lookup.IntentId == work.IntentId:
                HeardAbout(Current(work));
                Advance(work, new SequencingInput.LookupAnswer(lookup.Result));
                break;
            case RefusalLookupAnswered lookup when lookup.IntentId == work.IntentId:
                HeardAbout(Current(work));
                LogRefusalLookup(lookup);
                Advance(work, new SequencingInput.RefusalLookupAnswer(lookup.Violations, lookup.Result));
                break;
            case RetryDue due when due.IntentId == work.IntentId:
                Perform(work, due.Then);
                break;
            default:
                OnCommon(message);
                break;
        }
    };

    /// <summary>Asks the current state to take up the next intent, if it is free to.</summary>
    private void WorkOnOutbox() => Self.Tell(WorkNext.Instance);

    private void TakeUpNext(bool releasedFromHold)
    {
        if (_state.Outbox.FirstOrDefault(id => !_accepting.Contains(id)) is not { } nextId)
        {
            Become(Idle);
            PollIfOwed();
            return;
        }

        var next = _state.Find(nextId)!;
        var (progress, checkedRequest) = TakeCheckedOnSharedRead(next) is { } companion
            ? (IntentProgress.CheckedOnSharedRead(nextId), companion.StillHolds ? companion.Request : null)
            : (IntentProgress.Of(nextId, next.Stage), null);
        StartWorking(new WorkingIntent(nextId, progress, fresh: null, releasedFromHold), new SequencingInput.Turn(checkedRequest));
    }

    /// <summary>
    /// An intent that finds the outbox idle is checked before it is journaled, and then journaled
    /// together with "submitting" in one write: the quiet path from tick to order pays one journal
    /// round trip here instead of two. Its acknowledgement waits for that write as always.
    /// </summary>
    private bool TryStartAtOnce(SubmitClose intent, IActorRef replyTo)
    {
        if (_state.Halted || !MarketOpen || _state.Outbox.Count > _accepting.Count)
        {
            return false;
        }

        var fresh = new Unjournaled(new IntentRecord(intent, IntentStage.Queued, Now), replyTo);
        StartWorking(new WorkingIntent(intent.IntentId, IntentProgress.Of(intent.IntentId, IntentStage.Queued), fresh, releasedFromHold: false), new SequencingInput.Turn());
        return true;
    }

    private void StartWorking(WorkingIntent work, SequencingInput.Turn turn)
    {
        Become(Working(work));
        Advance(work, turn);
    }

    private void Advance(WorkingIntent work, SequencingInput input)
    {
        var before = work.Progress;
        var decision = IntentSequencing.Decide(before, input, Conditions, _settings);
        work.Progress = decision.Progress;
        if (decision.Progress.FailuresInARow > before.FailuresInARow)
        {
            GatewayMetrics.BrokerFailures.Add(1);
            Log.Warning("Broker call for {IntentId} failed ({Input}), attempt {Attempt}", work.IntentId, input, decision.Progress.FailuresInARow);
        }

        Perform(work, decision.Step);
    }

    private OutboxConditions Conditions => new(Now, _state.Halted, _state.HaltReason, MarketOpen);

    private bool MarketOpen => _market.At(Now).IsOpen;

    private void Perform(WorkingIntent work, OutboxStep step)
    {
        switch (step)
        {
            case OutboxStep.ReadPosition { MayShare: true }:
                CheckQueued(work);
                break;
            case OutboxStep.ReadPosition:
                ReadBrokerPosition(Current(work));
                break;
            case OutboxStep.Submit submit:
                StartSubmission(work, submit.Request);
                break;
            case OutboxStep.LookUp { BeforeRefusing: { } violations }:
                RefuseUnlessAtBroker(work.IntentId, violations);
                break;
            case OutboxStep.LookUp:
                EnsureJournaled(work, () => LookUp(work.IntentId));
                break;
            case OutboxStep.RetryAt retry:
                EnsureJournaled(work, () => Timers.StartSingleTimer("retry", new RetryDue(work.IntentId, retry.Then), Until(retry.At)));
                break;
            case OutboxStep.Hold:
                EnsureJournaled(work, () => HoldUntilOpen(work));
                break;
            case OutboxStep.Refuse refuse:
                EnsureJournaled(work, () => Refuse(Current(work), refuse.Codes, refuse.Reason));
                break;
            case OutboxStep.Done done:
                EnsureJournaled(work, () => Accept(Current(work), done.Order));
                break;
        }
    }

    /// <summary>
    /// Alpaca refuses options market orders outside regular hours, and positions trigger nothing
    /// while the market is closed; an intent that reaches the outbox then (a manual close from
    /// pmctl, or an exit that crossed the close on its way) stays journaled and acknowledged in
    /// the outbox and goes out, checked against the broker's position then, once the clock says
    /// open (docs/DESIGN.md, "The market's clock").
    /// </summary>
    private void HoldUntilOpen(WorkingIntent work)
    {
        if (!work.ReleasedFromHold)
        {
            var record = Current(work);
            Log.Warning("Market closed: holding {Count} close intents in the outbox until it opens, first {IntentId} ({Intent} {Quantity} {Symbol})", _state.Outbox.Count, record.IntentId, record.Intent.Intent, record.Intent.Quantity, record.Intent.Symbol);
        }

        Become(Holding);
        if (!Timers.IsTimerActive("market-open"))
        {
            Timers.StartSingleTimer("market-open", MarketMayHaveOpened.Instance, MarketOpenCheck);
        }
    }

    /// <summary>The intent in hand is done (at the broker or refused): the next one's turn.</summary>
    private void Done()
    {
        Become(Idle);
        Self.Tell(WorkNext.Instance);
    }

    private TimeSpan Until(DateTimeOffset at)
    {
        var wait = at - Now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
