using Microsoft.Data.Sqlite;
using Npgsql;
using PositionManager.Persistence;

namespace PositionManager.Benchmarks;

public static class BenchDatabases
{
    public static async Task<JournalTarget> NewPostgresAsync(string admin)
    {
        var database = $"pm_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return JournalTarget.Postgres(new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 40 }.ConnectionString);
    }

    public static async Task<long> JournalRowsAsync(JournalTarget journal)
    {
        if (journal.Backend == PersistenceBackend.Postgres)
        {
            await using var connection = new NpgsqlConnection(journal.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM journal", connection);
            return (long)(await count.ExecuteScalarAsync())!;
        }

        await using var sqlite = new SqliteConnection(journal.ConnectionString);
        await sqlite.OpenAsync();
        await using var command = sqlite.CreateCommand();
        command.CommandText = "SELECT count(*) FROM journal";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
