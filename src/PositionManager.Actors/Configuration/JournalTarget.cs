using System.Globalization;

namespace PositionManager.Actors.Configuration;

/// <summary>Where the journal and snapshots of one node live.</summary>
public sealed record JournalTarget(PersistenceBackend Backend, string ConnectionString, string? Schema = null)
{
    /// <summary>A SQLite file switched to WAL mode (<see cref="SqliteJournalFile.Prepare"/>): its connections may relax synchronous.</summary>
    public bool WriteAheadLog { get; init; }

    public static JournalTarget SqliteFile(string path) =>
        new(PersistenceBackend.Sqlite, $"Data Source={path};Pooling=True");

    public static JournalTarget Postgres(string connectionString, string? schema = null) =>
        new(PersistenceBackend.Postgres, connectionString, schema);

    /// <summary>HOCON that points journal, snapshot store and read journal at this target.</summary>
    public string ToHocon()
    {
        var connection = HoconText.Quote(ConnectionString);
        var schema = Schema is null ? string.Empty : $"schema-name = {HoconText.Quote(Schema)}";
        return string.Create(CultureInfo.InvariantCulture, $$"""
            akka.persistence.journal.sql { connection-string = {{connection}}, {{schema}} }
            akka.persistence.snapshot-store.sql { connection-string = {{connection}}, {{schema}} }
            akka.persistence.query.journal.sql { connection-string = {{connection}}, {{schema}} }
            """);
    }

    public override string ToString() => $"{Backend} journal";
}
