using System.Globalization;
using Npgsql;

namespace PositionManager.Persistence;

/// <summary>Where the journal and snapshots of one node live.</summary>
public sealed record JournalTarget(PersistenceBackend Backend, string ConnectionString)
{
    /// <summary>A SQLite file switched to WAL mode (<see cref="SqliteJournalFile.Prepare"/>): its connections may relax synchronous.</summary>
    public bool WriteAheadLog { get; init; }

    public static JournalTarget SqliteFile(string path) =>
        new(PersistenceBackend.Sqlite, $"Data Source={path};Pooling=True");

    /// <summary>
    /// A PostgreSQL journal whose pooled connections are not reset when returned to the pool. The
    /// journal, snapshot store and read journal leave no session state behind (no SET, temporary
    /// table or prepared statement of their own), and Npgsql's reset is a DISCARD ALL the server runs
    /// before the next use: one statement in four of every read (BEGIN, SELECT, COMMIT, DISCARD ALL).
    /// Recovering 10,000 positions it cost the server about a sixth of its CPU (6.9 s against 5.7 s).
    /// A schema other than the server's default is chosen through the connection string's search
    /// path (the tables are unqualified), as the demo journal does.
    /// </summary>
    public static JournalTarget Postgres(string connectionString) =>
        new(PersistenceBackend.Postgres, new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true }.ConnectionString);

    /// <summary>HOCON that points journal, snapshot store and read journal at this target.</summary>
    public string ToHocon()
    {
        var connection = HoconText.Quote(ConnectionString);
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.persistence.journal.sql.connection-string = {{connection}}
            akka.persistence.snapshot-store.sql.connection-string = {{connection}}
            akka.persistence.query.journal.sql.connection-string = {{connection}}
            """);
    }

    public override string ToString() => $"{Backend} journal";
}
