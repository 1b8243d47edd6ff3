using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Tests.Support;
using static PositionManager.Actors.Gateway.GatewayEvents;

namespace PositionManager.Actors.Tests.Gateway;

/// <summary>
/// Whatever the gateway journals (arrivals, submissions, refusals, fills reported before or after
/// the acceptance, forgotten intents sent again, halts), what it remembers follows from the events alone.
/// </summary>
public sealed class GatewayRetentionProperties
{
    private enum Step
    {
        Arrive,
        StartSubmission,
        Accept,
        Refuse,
        Finish,
        SendForgottenAgain,
        HaltOrResume,
    }

    [Property(MaxTest = 300)]
    public Property Recovery_from_any_snapshot_plus_the_later_events_equals_replaying_every_event() =>
        Prop.ForAll(Scripts().ToArbitrary(), script =>
        {
            var (limit, journal) = script;
            var replayed = GatewayJournal.Canonical(GatewayJournal.Replay(journal.Events, limit));
            return replayed == GatewayJournal.Canonical(journal.State)
                && Enumerable.Range(0, journal.Events.Count + 1).All(cut => GatewayJournal.Canonical(journal.RecoverFromSnapshotAt(cut, limit)) == replayed);
        });

    [Property(MaxTest = 300)]
    public Property Every_intent_not_done_is_remembered_and_of_the_done_ones_exactly_the_latest_to_finish() =>
        Prop.ForAll(Scripts().ToArbitrary(), script =>
        {
            var (limit, journal) = script;
            var state = journal.State;
            var lastStage = new Dictionary<string, bool>(StringComparer.Ordinal);
            var becameDone = new List<string>();
            foreach (var change in journal.Events)
            {
                switch (change)
                {
                    case IntentQueued e:
                        lastStage[e.Intent.IntentId] = false;
                        becameDone.Remove(e.Intent.IntentId);
                        break;
                    case IntentRefused or OrderFinished:
                        var id = change is IntentRefused r ? r.IntentId : ((OrderFinished)change).IntentId;
                        if (lastStage.TryGetValue(id, out var done) && !done)
                        {
                            lastStage[id] = true;
                            becameDone.Add(id);
                        }

                        break;
                }
            }

            var notDone = lastStage.Where(s => !s.Value).Select(s => s.Key);
            var latestDone = becameDone.TakeLast(limit);
            var remembered = state.Intents.Keys.ToHashSet(StringComparer.Ordinal);
            return remembered.SetEquals(notDone.Concat(latestDone))
                && state.Intents.Values.Count(i => i.IsDone) <= limit;
        });

    private static Gen<(int Limit, GatewayJournal Journal)> Scripts() =>
        from limit in Gen.Choose(1, 4)
        from steps in Gen.Elements(Enum.GetValues<Step>()).ArrayOf()
        select (limit, Run(limit, steps));

    /// <summary>Plays the steps as the gateway would: each acts on the oldest intent it applies to, or does nothing.</summary>
    private static GatewayJournal Run(int limit, IEnumerable<Step> steps)
    {
        var journal = new GatewayJournal(limit);
        foreach (var step in steps)
        {
            var state = journal.State;
            var inOutbox = state.Outbox.Select(id => state.Find(id)!).ToList();
            switch (step)
            {
                case Step.Arrive:
                    journal.Queue();
                    break;
                case Step.StartSubmission when inOutbox.FirstOrDefault(i => i.Stage == IntentStage.Queued) is { } queued:
                    journal.StartSubmission(queued.IntentId);
                    break;
                case Step.Accept when inOutbox.FirstOrDefault(i => i.Stage == IntentStage.Submitting) is { } submitting:
                    journal.Accept(submitting.IntentId);
                    break;
                case Step.Refuse when inOutbox.FirstOrDefault() is { } next:
                    journal.Refuse(next.IntentId);
                    break;
                case Step.Finish when state.Intents.Values
                        .Where(i => i.Stage is IntentStage.Submitted or IntentStage.Submitting)
                        .OrderBy(i => i.ReceivedAt).FirstOrDefault() is { } atBroker:
                    // On a submitting intent: the stream told of the end before the submit's answer.
                    journal.Finish(atBroker.IntentId);
                    break;
                case Step.SendForgottenAgain when journal.Issued.FirstOrDefault(id => state.Find(id) is null) is { } forgotten:
                    journal.Queue(forgotten);
                    break;
                case Step.HaltOrResume:
                    journal.Append(state.Halted ? new GatewayResumed("ops", DateTimeOffset.UnixEpoch) : new GatewayHalted("incident", "ops", DateTimeOffset.UnixEpoch));
                    break;
            }
        }

        return journal;
    }
}
