using Npgsql;
using NpgsqlTypes;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// One connection of the journal's row writer, kept open with its INSERT statements prepared and
/// their parameters made once: a write only sets values and executes. Opening a pooled connection,
/// building a command and its parameters for every write was the largest allocation of an exit
/// (about a sixth of it), and allocation is what brings the collections that make the exit's tail.
/// A session that fails once is thrown away; the writer opens another.
/// </summary>
internal sealed class JournalWriterSession(JournalWriterStatements statements, string connectionString) : IAsyncDisposable
{
    private readonly NpgsqlCommand?[] _inserts = new NpgsqlCommand?[statements.InsertRowsAtMost + 1];
    private NpgsqlConnection? _connection;

    public async Task WriteAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (rows.Count <= statements.InsertRowsAtMost)
        {
            await InsertAsync(connection, rows, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await CopyAsync(connection, rows, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _inserts)
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = new NpgsqlConnection(connectionString);
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        return _connection;
    }

    private async Task InsertAsync(NpgsqlConnection connection, IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
    {
        var command = _inserts[rows.Count] ?? await PrepareInsertAsync(connection, rows.Count, cancellationToken).ConfigureAwait(false);
        var parameters = command.Parameters;
        var perRow = statements.WithWriterUuid ? 7 : 6;
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var at = r * perRow;
            ((NpgsqlParameter<long>)parameters[at]).TypedValue = row.Created;
            ((NpgsqlParameter<string>)parameters[at + 1]).TypedValue = row.PersistenceId;
            ((NpgsqlParameter<long>)parameters[at + 2]).TypedValue = row.SequenceNr;
            ((NpgsqlParameter<byte[]>)parameters[at + 3]).TypedValue = row.Message;
            ((NpgsqlParameter<string>)parameters[at + 4]).TypedValue = row.Manifest;
            ((NpgsqlParameter<int>)parameters[at + 5]).TypedValue = row.SerializerId;
            if (statements.WithWriterUuid)
            {
                ((NpgsqlParameter<string>)parameters[at + 6]).TypedValue = row.WriterUuid;
            }
        }

        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The payloads are not kept alive by an idle session.
            for (var r = 0; r < rows.Count; r++)
            {
                ((NpgsqlParameter<byte[]>)parameters[(r * perRow) + 3]).TypedValue = null;
            }
        }
    }

    private async Task<NpgsqlCommand> PrepareInsertAsync(NpgsqlConnection connection, int rows, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(statements.Insert(rows), connection);
        for (var r = 0; r < rows; r++)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new NpgsqlParameter<byte[]> { NpgsqlDbType = NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer });
            if (statements.WithWriterUuid)
            {
                command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Text });
            }
        }

        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        _inserts[rows] = command;
        return command;
    }

    private async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(statements.Copy, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.Created, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.PersistenceId, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.SequenceNr, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.Message, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.Manifest, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            await importer.WriteAsync(row.SerializerId, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
            if (statements.WithWriterUuid)
            {
                await importer.WriteAsync(row.WriterUuid, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }
        }

        await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }
}
