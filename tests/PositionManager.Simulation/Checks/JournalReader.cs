using System.Text.Json;
using Microsoft.Data.Sqlite;
using PositionManager.Actors.Serialization;
using PositionManager.Domain.Positions.Events;
using PositionManager.Persistence;

namespace PositionManager.Simulation.Checks;

/// <summary>A position's events as the journal holds them, read through our own manifests (as the integration tests' JournalRows reads them).</summary>
public static class JournalReader
{
    public static IReadOnlyList<IPositionEvent> PositionEvents(JournalTarget journal, string persistenceId)
    {
        // Unpooled: the simulation must not keep the node's SQLite file open between reads.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(journal.ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var rows = connection.CreateCommand();
        rows.CommandText = "SELECT message, manifest FROM journal WHERE persistence_id = @id AND NOT deleted ORDER BY sequence_number";
        rows.Parameters.AddWithValue("@id", persistenceId);
        using var reader = rows.ExecuteReader();
        var events = new List<IPositionEvent>();
        while (reader.Read())
        {
            var type = Manifests.TypeOf(reader.GetString(1));
            events.Add((IPositionEvent)JsonSerializer.Deserialize((byte[])reader[0], PositionManagerJsonContext.Default.GetTypeInfo(type)!)!);
        }

        return events;
    }
}
