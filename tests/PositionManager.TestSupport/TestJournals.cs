using Npgsql;
using PositionManager.Persistence;

namespace PositionManager.TestSupport;

/// <summary>Each test gets its own journal: a fresh SQLite file or a fresh PostgreSQL database.</summary>
public static class TestJournals
{
    public const string PostgresVariable = "PM_TEST_POSTGRES";

    /// <summary>A new file prepared as the node prepares its own: WAL, and the schema created before Akka starts.</summary>
    public static JournalTarget NewSqlite() =>
        SqliteJournalFile.Prepare(Path.Combine(Path.GetTempPath(), $"pm-test-{Guid.NewGuid():N}.db"));

    /// <summary>A new database on the server ./test.sh started; no server is a failure, never a skip.</summary>
    public static JournalTarget NewPostgres()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test.sh, which starts a PostgreSQL, or point {PostgresVariable} at one");
        }

        var database = $"pm_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            create.ExecuteNonQuery();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database };
        return JournalTarget.Postgres(builder.ConnectionString);
    }

    public static JournalTarget New(PersistenceBackend backend) =>
        backend == PersistenceBackend.Sqlite ? NewSqlite() : NewPostgres();
}
