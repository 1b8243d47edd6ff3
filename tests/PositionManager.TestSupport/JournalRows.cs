using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using PositionManager.Actors.Serialization;
using PositionManager.Persistence;

namespace PositionManager.TestSupport;

/// <summary>
/// Reads a journal that another process writes, as the rows are: what a node had really persisted
/// when it was killed, not what a live actor says it holds.
/// </summary>
public static class JournalRows
{
    /// <summary>The events of one persistence id, in order, read through our serializer's own manifests and JSON contract.</summary>
    public static async Task<IReadOnlyList<object>> EventsAsync(JournalTarget journal, string persistenceId)
    {
        await using var connection = Open(journal);
        await connection.OpenAsync();
        await using var rows = connection.CreateCommand();

        // "NOT deleted" reads on both: SQLite stores the flag as 0/1, PostgreSQL as a boolean.
        rows.CommandText = "SELECT message, manifest FROM journal WHERE persistence_id = @id AND NOT deleted ORDER BY sequence_number";
        var id = rows.CreateParameter();
        id.ParameterName = "@id";
        id.Value = persistenceId;
        rows.Parameters.Add(id);
        await using var reader = await rows.ExecuteReaderAsync();
        var events = new List<object>();
        while (await reader.ReadAsync())
        {
            var type = Manifests.TypeOf(reader.GetString(1));
            events.Add(JsonSerializer.Deserialize((byte[])reader[0], PositionManagerJsonContext.Default.GetTypeInfo(type)!)!);
        }

        return events;
    }

    private static DbConnection Open(JournalTarget journal) => journal.Backend switch
    {
        // Unpooled: the test must not keep the node's SQLite file open between its reads.
        PersistenceBackend.Sqlite => new SqliteConnection(new SqliteConnectionStringBuilder(journal.ConnectionString) { Pooling = false }.ConnectionString),
        _ => new NpgsqlConnection(journal.ConnectionString),
    };
}
