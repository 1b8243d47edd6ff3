using Akka.Persistence.Sql.Config;
using Npgsql;
using NpgsqlTypes;
using static PositionManager.Actors.Journal.DirectSql;

namespace PositionManager.Actors.Journal;

/// <summary>
/// Writes journal rows to PostgreSQL with one binary COPY per batch. Writes queued while the
/// writers were busy go together, up to a batch, whichever actors they come from (as the plugin's
/// write queue batches), and a batch is one statement: all its rows or none. The plugin's path built
/// and translated a linq2db insert for every batch, the largest CPU item left on the exit path.
/// </summary>
internal sealed class JournalRowWriter
{
    private readonly RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool> _batches;
    private readonly string _connectionString;
    private readonly string _copySql;
    private readonly bool _withWriterUuid;

    public JournalRowWriter(JournalTableConfig table, string connectionString, int batchSize, int parallelism)
    {
        var c = table.EventJournalTable.ColumnNames;
        _withWriterUuid = table.EventJournalTable.UseWriterUuidColumn;
        string[] columns = _withWriterUuid
            ? [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier, c.WriterUuid]
            : [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier];
        _copySql = $"COPY {Table(table.SchemaName, table.EventJournalTable.Name)} ({string.Join(", ", columns.Select(Quote))}) FROM STDIN (FORMAT BINARY)";
        // Npgsql's pool for this connection string, shared with the plugin and the recovery reads:
        // a pool of its own would outlive the journal when the actor system restarts.
        _connectionString = connectionString;
        _batches = new RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool>(CopyAsync, maxWeight: batchSize, parallelism, weight: static rows => rows.Count);
    }

    /// <summary>Completes when the rows are committed; fails with the batch they were written in.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRowToWrite> rows) => _batches.Enqueue(rows);

    /// <summary>Writes what is queued, then lets the writers end.</summary>
    public void Complete() => _batches.Complete();

    private async Task<IReadOnlyList<bool>> CopyAsync(IReadOnlyList<IReadOnlyList<JournalRowToWrite>> batch)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var importer = await connection.BeginBinaryImportAsync(_copySql).ConfigureAwait(false);
        foreach (var row in batch.SelectMany(rows => rows))
        {
            await importer.StartRowAsync().ConfigureAwait(false);
            await importer.WriteAsync(row.Created, NpgsqlDbType.Bigint).ConfigureAwait(false);
            await importer.WriteAsync(false, NpgsqlDbType.Boolean).ConfigureAwait(false);
            await importer.WriteAsync(row.PersistenceId, NpgsqlDbType.Text).ConfigureAwait(false);
            await importer.WriteAsync(row.SequenceNr, NpgsqlDbType.Bigint).ConfigureAwait(false);
            await importer.WriteAsync(row.Message, NpgsqlDbType.Bytea).ConfigureAwait(false);
            await importer.WriteAsync(row.Manifest, NpgsqlDbType.Text).ConfigureAwait(false);
            await importer.WriteAsync(row.SerializerId, NpgsqlDbType.Integer).ConfigureAwait(false);
            if (_withWriterUuid)
            {
                await importer.WriteAsync(row.WriterUuid, NpgsqlDbType.Text).ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync().ConfigureAwait(false);
        return [.. batch.Select(static _ => true)];
    }
}

/// <summary>One event as the journal table holds it (not deleted, its ordering given by the table).</summary>
internal sealed record JournalRowToWrite(string PersistenceId, long SequenceNr, byte[] Message, string Manifest, int SerializerId, string WriterUuid, long Created);
