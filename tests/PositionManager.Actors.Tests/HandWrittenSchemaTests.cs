using Npgsql;
using PositionManager.Actors.Tests.Support;
using PositionManager.Persistence;
using Xunit.Abstractions;

namespace PositionManager.Actors.Tests;

/// <summary>The schema in deploy/sql is what an operator creates by hand: the node must run on it with auto-initialize off.</summary>
public sealed class HandWrittenSchemaTests(ITestOutputHelper output)
    : PositionActorSpec(CreateFromDeploySql(), output, AutoInitializeOff)
{
    private const string AutoInitializeOff = """
        akka.persistence.journal.sql.auto-initialize = off
        akka.persistence.snapshot-store.sql.auto-initialize = off
        """;

    [Fact]
    public void A_position_persists_snapshots_and_recovers_on_the_hand_written_postgres_schema()
    {
        var settings = Actors.Positions.PositionSettings.Default with { SnapshotEvery = 2 };
        var position = StartPosition(settings: settings);
        Open(position);
        Tick(position, 6m);
        Tick(position, 7m);
        var before = View(position).State;
        StopPosition(position);

        Assert.Equal(before, View(StartPosition(settings: settings)).State);
        Assert.Equal(7m, before.Peak);
    }

    private static JournalTarget CreateFromDeploySql()
    {
        var journal = TestJournals.NewPostgres();
        var ddl = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "deploy-sql", "001_journal.postgres.sql"));
        using var connection = new NpgsqlConnection(journal.ConnectionString);
        connection.Open();
        using var create = new NpgsqlCommand(ddl, connection);
        create.ExecuteNonQuery();
        return journal;
    }
}
