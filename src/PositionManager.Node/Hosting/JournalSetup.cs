using Microsoft.Data.Sqlite;
using Npgsql;
using PositionManager.Node.Configuration;
using PositionManager.Persistence;

namespace PositionManager.Node.Hosting;

/// <summary>Where the node journals: PostgreSQL when configured, else a SQLite file under the data directory.</summary>
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

    /// <returns>The target and a description for the start-up log (never a password).</returns>
    public static (JournalTarget Target, string Description) Prepare(PositionManagerOptions options, bool embeddedBroker)
    {
        if (options.Journal.Postgres is { } connection)
        {
            try
            {
                var parsed = new NpgsqlConnectionStringBuilder(connection);
                return (JournalTarget.Postgres(connection), $"PostgreSQL database {parsed.Database} on {parsed.Host}:{parsed.Port}");
            }
            catch (ArgumentException)
            {
                // The value is not echoed: it may hold a password.
                throw new NodeSettingsException("PositionManager__Journal__Postgres: not a valid Npgsql connection string");
            }
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
}
