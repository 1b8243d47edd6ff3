using Akka.Persistence.Sql.Config;
using Npgsql;
using NpgsqlTypes;
using static PositionManager.Actors.Journal.DirectSql;

namespace PositionManager.Actors.Journal;

/// <summary>
/// Writes journal rows to PostgreSQL, one statement per batch: all its rows or none. Writes queued
/// while the writers were busy go together, up to a batch, whichever actors they come from (as the
/// plugin's write queue batches). A few rows (what one exit journals at a time) go in one prepared
/// multi-row INSERT, a single round trip; more go by binary COPY, which costs a round trip more to
/// start but far less per row. The plugin's path built and translated a linq2db insert for every
/// batch, the largest CPU item left on the exit path.
/// </summary>
internal sealed class JournalRowWriter
{
    private readonly RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool> _batches;
    private readonly string _connectionString;
    /// <summary>Rows a batch may have to be written by INSERT rather than COPY.</summary>
    private const int InsertRowsAtMost = 8;

    private readonly string _copySql;
    private readonly string[] _insertSql = new string[InsertRowsAtMost + 1];
    private readonly bool _withWriterUuid;

    public JournalRowWriter(JournalTableConfig table, string connectionString, int batchSize, int parallelism)
    {
        var c = table.EventJournalTable.ColumnNames;
        _withWriterUuid = table.EventJournalTable.UseWriterUuidColumn;
        string[] columns = _withWriterUuid
            ? [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier, c.WriterUuid]
            : [c.Created, c.Deleted, c.PersistenceId, c.SequenceNumber, c.Message, c.Manifest, c.Identifier];
        var into = $"{Table(table.SchemaName, table.EventJournalTable.Name)} ({string.Join(", ", columns.Select(Quote))})";
        _copySql = $"COPY {into} FROM STDIN (FORMAT BINARY)";
        var perRow = columns.Length - 1;
        for (var rows = 1; rows <= InsertRowsAtMost; rows++)
        {
            // The deleted column is the literal false; the others are positional parameters.
            _insertSql[rows] = $"INSERT INTO {into} VALUES " + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                $"(${(r * perRow) + 1}, false, {string.Join(", ", Enumerable.Range(2, perRow - 1).Select(i => $"${(r * perRow) + i}"))})"));
        }

        // Npgsql's pool for this connection string, shared with the plugin and the recovery reads:
        // a pool of its own would outlive the journal when the actor system restarts.
        _connectionString = connectionString;
        _batches = new RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool>(WriteBatchAsync, maxWeight: batchSize, parallelism, weight: static rows => rows.Count);
    }

    /// <summary>Completes when the rows are committed; fails with the batch they were written in.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRowToWrite> rows) => _batches.Enqueue(rows);

    /// <summary>Writes what is queued, then lets the writers end.</summary>
    public void Complete() => _batches.Complete();

    private async Task<IReadOnlyList<bool>> WriteBatchAsync(IReadOnlyList<IReadOnlyList<JournalRowToWrite>> batch)
    {
        var rows = batch.Count == 1 ? batch[0] : [.. batch.SelectMany(static rows => rows)];
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        if (rows.Count <= InsertRowsAtMost)
        {
            await InsertAsync(connection, rows).ConfigureAwait(false);
        }
        else
        {
            await CopyAsync(connection, rows).ConfigureAwait(false);
        }

        return [.. batch.Select(static _ => true)];
    }

    private async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<JournalRowToWrite> rows)
    {
        await using var command = new NpgsqlCommand(_insertSql[rows.Count], connection);
        foreach (var row in rows)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.Created });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.PersistenceId });
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = row.SequenceNr });
            command.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = row.Message });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.Manifest });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = row.SerializerId });
            if (_withWriterUuid)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = row.WriterUuid });
            }
        }

        // Prepared once per pooled connection; later writes of as many rows only bind and execute.
        await command.PrepareAsync().ConfigureAwait(false);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<JournalRowToWrite> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync(_copySql).ConfigureAwait(false);
        foreach (var row in rows)
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
    }
}

/// <summary>One event as the journal table holds it (not deleted, its ordering given by the table).</summary>
internal sealed record JournalRowToWrite(string PersistenceId, long SequenceNr, byte[] Message, string Manifest, int SerializerId, string WriterUuid, long Created);
