using Akka.Actor;
using Akka.Persistence;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Persistence;
using PositionManager.Persistence.Journal;

namespace PositionManager.Actors.Tests.Journal;

/// <summary>
/// The journal's and snapshot store's own recovery reads (DirectReplaySqlJournal,
/// DirectLoadSqlSnapshotStore) must give every persistent actor exactly what Akka.Persistence.Sql's
/// reads give it: the same events in the same order with the same metadata, the same snapshot,
/// and the same highest sequence number after deletes, on each backend. One journal written once,
/// recovered by both.
/// </summary>
public abstract class DirectReadsSpec(PersistenceBackend backend) : IDisposable
{
    private const string PluginClasses = """
        akka.persistence.journal.sql.class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
        akka.persistence.snapshot-store.sql.class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly JournalTarget _journal = TestJournals.New(backend);
    private readonly List<ActorSystem> _systems = [];

    [Fact]
    public async Task Events_snapshots_and_deletes_recover_as_the_plugin_recovers_them()
    {
        var events = SampleMessages.All().OfType<IPositionEvent>().ToList();
        var state = SampleMessages.All().OfType<PositionState>().First();
        var writer = Recorder(Start(string.Empty), "position-a");
        await writer.Ask<long>(new JournalRecorder.Write(events), Patience);
        await writer.Ask<DeleteMessagesSuccess>(new JournalRecorder.DeleteUpTo(4), Patience);
        await writer.Ask<SaveSnapshotSuccess>(new JournalRecorder.Snapshot(state), Patience);
        await writer.Ask<long>(new JournalRecorder.Write(events.Take(3).ToList()), Patience);

        var everythingDeleted = Recorder(Start(string.Empty), "position-b");
        await everythingDeleted.Ask<long>(new JournalRecorder.Write(events.Take(5).ToList()), Patience);
        await everythingDeleted.Ask<DeleteMessagesSuccess>(new JournalRecorder.DeleteUpTo(5), Patience);

        foreach (var persistenceId in new[] { "position-a", "position-b", "never-written" })
        {
            // A replay batch of 2 makes ours read the events in several queries.
            var ours = await RecoverAsync("akka.persistence.journal.sql.replay-batch-size = 2", persistenceId);
            var plugins = await RecoverAsync(PluginClasses, persistenceId);
            Assert.Equal(plugins.Entries, ours.Entries);
            Assert.Equal(plugins.LastSequenceNr, ours.LastSequenceNr);
        }

        var a = await RecoverAsync(string.Empty, "position-a");
        Assert.Equal(events.Count + 3, a.LastSequenceNr);
        Assert.StartsWith($"snapshot {events.Count} ", a.Entries[0]);
        Assert.Equal(4, a.Entries.Count);
        Assert.Equal(5, (await RecoverAsync(string.Empty, "position-b")).LastSequenceNr);
    }

    [Fact]
    public async Task Many_actors_recovering_at_once_recover_as_the_plugin_recovers_each()
    {
        // On PostgreSQL the recoveries that queue up together are read in shared statements.
        var events = SampleMessages.All().OfType<IPositionEvent>().ToList();
        var state = SampleMessages.All().OfType<PositionState>().First();
        var ids = Enumerable.Range(0, 40).Select(i => $"crowd-{i}").ToList();
        var system = Start(string.Empty);
        // Written one actor after another (on SQLite concurrent writers only wait on the file's
        // lock); only the recoveries below run at once.
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            var writer = Recorder(system, id);
            await writer.Ask<long>(new JournalRecorder.Write(events.Take(1 + (i % events.Count)).ToList()), Patience);
            if (i % 3 == 0)
            {
                await writer.Ask<SaveSnapshotSuccess>(new JournalRecorder.Snapshot(state), Patience);
                await writer.Ask<long>(new JournalRecorder.Write(events.Take(i % 4).ToList()), Patience);
            }

            if (i % 5 == 0)
            {
                await writer.Ask<DeleteMessagesSuccess>(new JournalRecorder.DeleteUpTo(1), Patience);
            }
        }

        var ours = Start("akka.persistence.journal.sql.replay-batch-size = 3");
        var recovered = await Task.WhenAll(ids.Select(id => Recorder(ours, id).Ask<JournalRecorder.Recovered>(new JournalRecorder.Report(), Patience)));
        var plugins = Start(PluginClasses);
        for (var i = 0; i < ids.Count; i++)
        {
            var expected = await Recorder(plugins, ids[i]).Ask<JournalRecorder.Recovered>(new JournalRecorder.Report(), Patience);
            Assert.Equal(expected.Entries, recovered[i].Entries);
            Assert.Equal(expected.LastSequenceNr, recovered[i].LastSequenceNr);
        }
    }

    [Fact]
    public async Task Events_the_node_journal_writes_read_back_through_the_plugin_as_its_own_writes_do()
    {
        // On PostgreSQL the node's journal writes by binary COPY, not through the plugin's insert.
        var events = SampleMessages.All().OfType<IPositionEvent>().ToList();
        await Recorder(Start(PluginClasses), "written-by-plugin").Ask<long>(new JournalRecorder.Write(events), Patience);
        await Recorder(Start(string.Empty), "written-by-node").Ask<long>(new JournalRecorder.Write(events.Take(2).ToList()), Patience);
        await Recorder(Start(string.Empty), "written-by-node").Ask<long>(new JournalRecorder.Write(events.Skip(2).ToList()), Patience);

        var plugins = await RecoverAsync(PluginClasses, "written-by-plugin");
        var nodes = await RecoverAsync(PluginClasses, "written-by-node");
        Assert.Equal(events.Count, nodes.LastSequenceNr);
        Assert.Equal(plugins.Entries, nodes.Entries);
    }

    [Fact]
    public async Task A_second_writer_of_a_sequence_number_is_refused_so_a_replay_has_nothing_to_repair()
    {
        // The node turns Akka's replay filter off on the strength of this refusal (hocon/akka.conf).
        var events = SampleMessages.All().OfType<IPositionEvent>().Take(3).ToList();
        var system = Start(string.Empty);
        await Recorder(system, "two-writers").Ask<long>(new JournalRecorder.Write(events), Patience);
        var before = await RecoverAsync(string.Empty, "two-writers");

        var inbox = Inbox.Create(system);
        var secondWriter = new Persistent(events[^1], sequenceNr: 2, persistenceId: "two-writers", writerGuid: "second-writer");
        Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(null!).Tell(
            new WriteMessages([new AtomicWrite(secondWriter)], inbox.Receiver, actorInstanceId: 1), inbox.Receiver);

        Assert.IsType<WriteMessagesFailed>(inbox.Receive(Patience));
        Assert.IsType<WriteMessageFailure>(inbox.Receive(Patience));
        var after = await RecoverAsync(string.Empty, "two-writers");
        Assert.Equal(3, after.LastSequenceNr);
        Assert.Equal(before.Entries, after.Entries);

        // The refused write costs the journal nothing: its next writes go through.
        Assert.Equal(4, await Recorder(system, "two-writers").Ask<long>(new JournalRecorder.Write([events[0]]), Patience));
        Assert.Equal(4, (await RecoverAsync(string.Empty, "two-writers")).LastSequenceNr);
    }

    [Fact]
    public void The_node_configuration_recovers_through_the_direct_reads()
    {
        var config = AkkaConfig.Load(_journal);
        Assert.Equal(typeof(DirectReplaySqlJournal), Type.GetType(config.GetString("akka.persistence.journal.sql.class"), throwOnError: true));
        Assert.Equal(typeof(DirectLoadSqlSnapshotStore), Type.GetType(config.GetString("akka.persistence.snapshot-store.sql.class"), throwOnError: true));
    }

    public void Dispose()
    {
        foreach (var system in _systems)
        {
            system.Terminate().Wait(Patience);
        }

        GC.SuppressFinalize(this);
    }

    private async Task<JournalRecorder.Recovered> RecoverAsync(string hocon, string persistenceId)
    {
        var recorder = Recorder(Start(hocon), persistenceId);
        return await recorder.Ask<JournalRecorder.Recovered>(new JournalRecorder.Report(), Patience);
    }

    private static IActorRef Recorder(ActorSystem system, string persistenceId) =>
        system.ActorOf(JournalRecorder.Props(persistenceId));

    private ActorSystem Start(string hocon)
    {
        var system = ActorSystem.Create($"direct-reads-{_systems.Count}", AkkaConfig.Load(_journal, "akka.actor.provider = local\nakka.loglevel = WARNING\n" + hocon));
        _systems.Add(system);
        return system;
    }
}

public sealed class SqliteDirectReadsTests() : DirectReadsSpec(PersistenceBackend.Sqlite);

public sealed class PostgresDirectReadsTests() : DirectReadsSpec(PersistenceBackend.Postgres);
