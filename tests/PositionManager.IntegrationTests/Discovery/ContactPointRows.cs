using Npgsql;
using PositionManager.Persistence.Discovery;

namespace PositionManager.IntegrationTests.Discovery;

/// <summary>The discovery table read and aged directly, as another node or the passage of time would leave it.</summary>
internal sealed class ContactPointRows(string connectionString)
{
    public async Task<IReadOnlyList<(string Service, string Host, int Port)>> AllAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT service_name, host, port FROM {ContactPointTable.Name} ORDER BY service_name, host, port", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, int)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return rows;
    }

    /// <summary>A row whose node last beat <paramref name="age"/> ago.</summary>
    public async Task InsertAsync(ContactPoint point, TimeSpan age)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"INSERT INTO {ContactPointTable.Name} VALUES ($1, $2, $3, now() - $4)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = point.ServiceName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = point.Host });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = point.Port });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = age });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Moves every heartbeat back by <paramref name="age"/>: time passing for every node at once.</summary>
    public async Task AgeAllAsync(TimeSpan age)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"UPDATE {ContactPointTable.Name} SET last_heartbeat = last_heartbeat - $1", connection);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = age });
        await command.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
