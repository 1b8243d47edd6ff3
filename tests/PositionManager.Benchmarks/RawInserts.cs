using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace PositionManager.Benchmarks;

/// <summary>
/// The raw baselines: the same rows the journal writes (same table shape, same payload size),
/// inserted directly in batches of 100, on the same server or file kind.
/// </summary>
public static class RawInserts
{
    private const int BatchSize = 100;
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"peak\":5.37,\"stop\":4.833,\"trailArmed\":true,\"at\":\"2026-11-25T05:00:00.0000000+00:00\"}");

    public static async Task<double> PostgresRowsPerSecondAsync(string connectionString, string table, int rows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, $"CREATE TABLE {table} (LIKE journal INCLUDING ALL)");
        var elapsed = await Report.TimeAsync(async () =>
        {
            for (var start = 0; start < rows; start += BatchSize)
            {
                await using var insert = new NpgsqlCommand { Connection = connection };
                var values = new StringBuilder($"INSERT INTO {table} (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid) VALUES ");
                for (var i = 0; i < BatchSize; i++)
                {
                    values.Append(i == 0 ? string.Empty : ",").Append($"(@c{i}, false, @p{i}, @s{i}, @m{i}, 'PeakRaised.v1', 4711, 'raw')");
                    insert.Parameters.AddWithValue($"c{i}", DateTime.UtcNow.Ticks);
                    insert.Parameters.AddWithValue($"p{i}", $"position-raw-{(start + i) % 1000}");
                    insert.Parameters.AddWithValue($"s{i}", (long)((start + i) / 1000) + 1);
                    insert.Parameters.AddWithValue($"m{i}", Payload);
                }

                insert.CommandText = values.ToString();
                await insert.ExecuteNonQueryAsync();
            }
        });
        return rows / elapsed.TotalSeconds;
    }

    public static async Task<double> SqliteRowsPerSecondAsync(string path, int rows)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        foreach (var pragma in new[] { "PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "CREATE TABLE raw_journal (ordering INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL, deleted BIT NOT NULL, persistence_id NVARCHAR(255) NOT NULL, sequence_number INTEGER NOT NULL, message BLOB NOT NULL, manifest NVARCHAR(500), identifier INTEGER, writer_uuid NVARCHAR(128))", "CREATE UNIQUE INDEX raw_uq ON raw_journal (persistence_id, sequence_number)" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = pragma;
            await command.ExecuteNonQueryAsync();
        }

        var elapsed = await Report.TimeAsync(async () =>
        {
            for (var start = 0; start < rows; start += BatchSize)
            {
                await using var transaction = connection.BeginTransaction();
                await using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO raw_journal (created, deleted, persistence_id, sequence_number, message, manifest, identifier, writer_uuid) VALUES ($c, 0, $p, $s, $m, 'PeakRaised.v1', 4711, 'raw')";
                var created = insert.Parameters.Add("$c", SqliteType.Integer);
                var persistenceId = insert.Parameters.Add("$p", SqliteType.Text);
                var sequence = insert.Parameters.Add("$s", SqliteType.Integer);
                insert.Parameters.AddWithValue("$m", Payload);
                for (var i = start; i < start + BatchSize; i++)
                {
                    created.Value = DateTime.UtcNow.Ticks;
                    persistenceId.Value = $"position-raw-{i % 1000}";
                    sequence.Value = (i / 1000) + 1;
                    await insert.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        });
        return rows / elapsed.TotalSeconds;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
