using System.Data.Common;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Data.Sqlite;

namespace PositionManager.Persistence;

/// <summary>
/// Prepares the SQLite journal file before Akka opens it. WAL is a property of the file (the
/// connection string cannot set it) and lifts the journal from about 600 to about 2,000 committed
/// events/s on this machine class (docs/STACK.md).
/// </summary>
public static class SqliteJournalFile
{
    public static JournalTarget Prepare(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        var target = JournalTarget.SqliteFile(fullPath);
        using var connection = new SqliteConnection(target.ConnectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = wal.ExecuteScalar() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite journal {fullPath} refused WAL mode (got '{mode}')");
        }

        CreateSchemaIfMissing(connection);
        return target with { WriteAheadLog = true };
    }

    /// <summary>
    /// On a new file the plugin's auto-initialize creates the tables while the first persistent
    /// actors already recover; a recovery that reads first fails with "no such table: snapshot", and
    /// a shard whose remembered entities failed to load waits updating-state-timeout (60 s) before it
    /// tries again. Creating deploy/sql's schema before the actor system starts closes that race.
    /// </summary>
    private static void CreateSchemaIfMissing(SqliteConnection connection)
    {
        using var probe = connection.CreateCommand();
        probe.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'journal';";
        if (Convert.ToInt64(probe.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        using var stream = typeof(SqliteJournalFile).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"embedded resource {SchemaResource} is missing");
        using var reader = new StreamReader(stream);
        using var create = connection.CreateCommand();
        create.CommandText = reader.ReadToEnd();
        create.ExecuteNonQuery();
    }

    private const string SchemaResource = "PositionManager.Persistence.journal.sqlite.sql";

    /// <summary>
    /// The journal's and snapshot store's connections to a WAL file, each switched to
    /// synchronous=NORMAL when opened (a per-connection setting). In WAL mode that is still
    /// crash-safe for the process (kill -9 loses nothing committed) and never corrupts the file;
    /// what it gives up is the last commits before a power cut or OS crash, which FULL would fsync
    /// at every commit. A lost PeakRaised is re-raised by the next tick; a lost ExitTriggered
    /// fires again with the same client_order_id, which the gateway looks up before sending (invariant 5).
    /// Production runs on PostgreSQL; this is the single-node, zero-setup default.
    /// </summary>
    public static DataOptions DataOptions(JournalTarget target)
    {
        if (target is not { Backend: PersistenceBackend.Sqlite, WriteAheadLog: true })
        {
            throw new ArgumentException("synchronous=NORMAL is only safe on a file in WAL mode; prepare the file with Prepare", nameof(target));
        }

        return new DataOptions()
            .UseConnectionString(ProviderName.SQLiteMS, target.ConnectionString)
            .UseAfterConnectionOpened(SetConnectionPragmas, SetConnectionPragmasAsync);
    }

    /// <summary>
    /// synchronous=NORMAL (above) and SQLite's own busy handler. Without busy_timeout,
    /// Microsoft.Data.Sqlite answers SQLITE_BUSY (a reader's BEGIN meeting the writer) by sleeping
    /// 150 ms before it tries again; SQLite's handler retries within a millisecond or so. Seen in a
    /// trace of the simulation, whose scenarios then took 0.60 s instead of 0.44 s.
    /// </summary>
    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    private static void SetConnectionPragmas(DbConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
        pragma.ExecuteNonQuery();
    }

    private static async Task SetConnectionPragmasAsync(DbConnection connection, CancellationToken cancellation)
    {
        // Microsoft.Data.Sqlite completes its async methods synchronously, so the journal's write
        // stream ran each write inline and took the next write only after it: one row per
        // transaction, ~3,000 events/s whatever batch-size said. Going asynchronous here, before
        // the write, frees the stream to collect the writes that queue meanwhile into one batch.
        await Task.Yield();
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = ConnectionPragmas;
        await pragma.ExecuteNonQueryAsync(cancellation);
    }
}
