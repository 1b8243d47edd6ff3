using PositionManager.Actors.Gateway;
using PositionManager.Actors.Tests.Support;

namespace PositionManager.Actors.Tests.Gateway;

/// <summary>
/// The gateway remembers every intent not yet done and only the latest done ones, so its memory,
/// snapshot and recovery stay bounded; what it forgets is decided by the journal alone.
/// </summary>
public sealed class GatewayRetentionTests
{
    [Fact]
    public void Beyond_the_limit_the_oldest_done_intents_are_forgotten()
    {
        var journal = new GatewayJournal(retainCompleted: 3);
        var done = Enumerable.Range(0, 5).Select(_ => journal.Complete()).ToList();

        Assert.Equal(done[2..], journal.State.Completed);
        Assert.Equal(done[2..].Order(StringComparer.Ordinal), journal.State.Intents.Keys.Order(StringComparer.Ordinal));
        Assert.Null(journal.State.Find(done[0]));
    }

    [Fact]
    public void Done_intents_are_forgotten_in_the_order_they_became_done_not_the_order_they_arrived()
    {
        var journal = new GatewayJournal(retainCompleted: 2);
        var first = journal.Queue();
        var second = journal.Queue();
        journal.Refuse(second);
        journal.StartSubmission(first).Accept(first).Finish(first);

        var third = journal.Complete();

        Assert.Null(journal.State.Find(second));
        Assert.Equal([first, third], journal.State.Completed);
    }

    [Fact]
    public void The_defaults_keep_ten_thousand_done_intents()
    {
        var journal = new GatewayJournal(GatewaySettings.Default.RetainCompleted);
        var done = Enumerable.Range(0, 10_001).Select(_ => journal.Complete()).ToList();

        Assert.Equal(10_000, GatewayState.Empty.RetainCompleted);
        Assert.Equal(10_000, journal.State.Intents.Count);
        Assert.Null(journal.State.Find(done[0]));
        Assert.NotNull(journal.State.Find(done[1]));
    }

    [Fact]
    public void Queued_submitting_and_submitted_intents_are_never_forgotten()
    {
        var journal = new GatewayJournal(retainCompleted: 1);
        var queued = journal.Queue();
        var submitting = journal.Queue();
        journal.StartSubmission(submitting);
        var submitted = journal.Queue();
        journal.StartSubmission(submitted).Accept(submitted);

        var done = Enumerable.Range(0, 20).Select(_ => journal.Complete()).ToList();

        var state = journal.State;
        Assert.Equal(
            [(queued, IntentStage.Queued), (submitting, IntentStage.Submitting), (submitted, IntentStage.Submitted), (done[^1], IntentStage.Finished)],
            state.Intents.Values.OrderBy(i => i.ReceivedAt).Select(i => (i.IntentId, i.Stage)));
        Assert.Equal([queued, submitting], state.Outbox);
        Assert.Equal([submitted], state.OpenAtBroker.Select(i => i.IntentId));
    }

    [Fact]
    public void An_order_the_stream_ended_before_its_acceptance_was_journaled_stays_done_and_is_forgotten_in_its_turn()
    {
        var journal = new GatewayJournal(retainCompleted: 1);
        var early = journal.Queue();
        journal.StartSubmission(early).Finish(early).Accept(early);

        var later = journal.Complete();

        Assert.Null(journal.State.Find(early));
        Assert.Equal([later], journal.State.Completed);
    }

    [Fact]
    public void A_forgotten_intent_sent_again_is_a_new_intent_in_the_outbox()
    {
        var journal = new GatewayJournal(retainCompleted: 1);
        var forgotten = journal.Complete();
        journal.Complete();

        journal.Queue(forgotten);

        Assert.Equal(IntentStage.Queued, journal.State.Find(forgotten)!.Stage);
        Assert.Equal([forgotten], journal.State.Outbox);
    }

    [Fact]
    public void A_snapshot_plus_the_later_events_rebuilds_what_the_events_alone_rebuild_after_forgetting()
    {
        var journal = new GatewayJournal(retainCompleted: 2);
        var refusedThenForgotten = journal.Queue();
        var inFlight = journal.Queue();
        journal.Refuse(refusedThenForgotten);
        journal.StartSubmission(inFlight).Accept(inFlight);
        for (var i = 0; i < 4; i++)
        {
            journal.Complete();
        }

        journal.Queue(refusedThenForgotten);
        journal.Finish(inFlight);
        journal.Complete();

        var replayed = GatewayJournal.Canonical(GatewayJournal.Replay(journal.Events, 2));
        Assert.Equal(GatewayJournal.Canonical(journal.State), replayed);
        Assert.All(Enumerable.Range(0, journal.Events.Count + 1), cut =>
            Assert.Equal(replayed, GatewayJournal.Canonical(journal.RecoverFromSnapshotAt(cut, 2))));
    }

    [Fact]
    public void A_snapshot_taken_under_a_larger_limit_is_cut_down_to_the_recovering_nodes_limit()
    {
        var journal = new GatewayJournal(retainCompleted: 5);
        var done = Enumerable.Range(0, 5).Select(_ => journal.Complete()).ToList();
        var queued = journal.Queue();

        var recovered = GatewayJournal.RoundTrip(GatewaySnapshot.Of(journal.State)).ToState(2);

        Assert.Equal(done[3..], recovered.Completed);
        Assert.Equal([.. done[3..], queued], recovered.Intents.Values.OrderBy(i => i.ReceivedAt).Select(i => i.IntentId));
    }

    [Fact]
    public void A_version_1_snapshot_is_read_and_its_done_intents_are_forgotten_in_the_order_they_arrived()
    {
        var journal = new GatewayJournal(retainCompleted: 10);
        var submitted = journal.Queue();
        journal.StartSubmission(submitted).Accept(submitted);
        var done = Enumerable.Range(0, 3).Select(_ => journal.Complete()).ToList();
        var queued = journal.Queue();
        var state = journal.State;
        var written = new GatewaySnapshotV1([.. state.Intents.Values.OrderBy(i => i.ReceivedAt)], state.Outbox, true, "broker incident");

        var recovered = GatewayJournal.RoundTrip(written).ToState(2);

        Assert.Equal(done[1..], recovered.Completed);
        Assert.Equal([submitted, .. done[1..], queued], recovered.Intents.Values.OrderBy(i => i.ReceivedAt).Select(i => i.IntentId));
        Assert.Equal([queued], recovered.Outbox);
        Assert.Equal((true, "broker incident"), (recovered.Halted, recovered.HaltReason));
    }

    [Fact]
    public void A_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GatewayState.Retaining(0));
    }
}
