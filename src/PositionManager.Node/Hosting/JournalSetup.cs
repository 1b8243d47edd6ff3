using Microsoft.Data.Sqlite;
using Npgsql;
using PositionManager.Node.Configuration;
using PositionManager.Persistence;

namespace PositionManager.Node.Hosting;

/// <summary>
/// Where the node journals: PostgreSQL when configured, else a SQLite file under the data
/// directory. The embedded broker's demo journals apart from a real account's journal and afresh
/// at each start, on either.
/// </summary>
public static class JournalSetup
{
    /// <summary>The journal of a real account; it must survive restarts.</summary>
    public const string JournalFile = "positions.db";

    /// <summary>
    /// The embedded broker's account is new on every start, so a journal of an earlier run speaks of
    /// positions that no longer exist (and closed ones would block adopting the same contracts
    /// again): the demo journal is a file of its own, started afresh each time.
    /// </summary>
    public const string DemoJournalFile = "paper-demo.db";

    /// <summary>
    /// The same on PostgreSQL: the demo's journal and snapshots are tables of a schema of their own
    /// in the configured database, dropped and made again at each start. The tables a node with
    /// Alpaca keys journals in (the database's default schema) are never touched by a demo.
    /// </summary>
    public const string DemoSchema = "paper_demo";

    /// <returns>The target and a description for the start-up log (never a password).</returns>
    public static (JournalTarget Target, string Description) Prepare(PositionManagerOptions options, bool embeddedBroker)
    {
        if (options.Journal.Postgres is { } connection)
        {
            NpgsqlConnectionStringBuilder parsed;
            try
            {
                parsed = new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException)
            {
                // The value is not echoed: it may hold a password.
                throw new NodeSettingsException("PositionManager__Journal__Postgres: not a valid Npgsql connection string");
            }

            var database = $"PostgreSQL database {parsed.Database} on {parsed.Host}:{parsed.Port}";
            if (!embeddedBroker)
            {
                return (JournalTarget.Postgres(connection), database);
            }

            // Through the connections' search path: the journal's tables are unqualified, so they
            // are created and found in the demo schema alone.
            MakeDemoSchemaAfresh(connection);
            var demo = new NpgsqlConnectionStringBuilder(connection) { SearchPath = DemoSchema }.ConnectionString;
            return (JournalTarget.Postgres(demo), $"{database}, schema {DemoSchema}");
        }

        var path = Path.GetFullPath(Path.Combine(options.DataDirectory, embeddedBroker ? DemoJournalFile : JournalFile));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (embeddedBroker)
            {
                SqliteConnection.ClearAllPools();
                foreach (var file in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(file);
                }
            }

            return (SqliteJournalFile.Prepare(path), $"SQLite {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new NodeSettingsException($"PositionManager__DataDirectory: cannot use {path}: {e.Message}");
        }
    }

    /// <summary>
    /// Drops the demo schema with everything in it and creates it empty, in one transaction; the
    /// journal's tables are then created in it as on any first start (auto-initialize).
    /// </summary>
    private static void MakeDemoSchemaAfresh(string connection)
    {
        try
        {
            using var session = new NpgsqlConnection(connection);
            session.Open();
            using var transaction = session.BeginTransaction();
            using (var recreate = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {DemoSchema} CASCADE; CREATE SCHEMA {DemoSchema}", session, transaction))
            {
                recreate.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Npgsql's messages name the server and the failure, never the password.
            throw new NodeSettingsException($"PositionManager__Journal__Postgres: cannot make the demo's schema {DemoSchema} afresh: {e.Message}");
        }
    }
}
