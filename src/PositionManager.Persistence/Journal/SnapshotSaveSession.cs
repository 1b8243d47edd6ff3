using Npgsql;
using NpgsqlTypes;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// One connection of the snapshot store's saves on PostgreSQL, kept open with the upsert prepared
/// and its parameters made once (every position saves a snapshot when it closes, so this is on the
/// exit path); <see cref="IdleSessions{TSession}"/> keeps it between saves and throws it away after
/// a failure.
/// </summary>
internal sealed class SnapshotSaveSession(SnapshotStatements statements, string connectionString) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlCommand? _upsert;

    public async Task<bool> SaveAsync(SnapshotRow row, CancellationToken cancellationToken)
    {
        var upsert = _upsert ?? await PrepareAsync(cancellationToken).ConfigureAwait(false);
        var parameters = upsert.Parameters;
        ((NpgsqlParameter<string>)parameters[0]).TypedValue = row.PersistenceId;
        ((NpgsqlParameter<long>)parameters[1]).TypedValue = row.SequenceNr;
        ((NpgsqlParameter<long>)parameters[2]).TypedValue = row.CreatedTicks;
        ((NpgsqlParameter<byte[]>)parameters[3]).TypedValue = row.Payload;
        ((NpgsqlParameter<string>)parameters[4]).TypedValue = row.Manifest;
        parameters[5].Value = (object?)row.SerializerId ?? DBNull.Value;
        try
        {
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        finally
        {
            // The payload is not kept alive by an idle session.
            ((NpgsqlParameter<byte[]>)parameters[3]).TypedValue = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_upsert is not null)
        {
            await _upsert.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<NpgsqlCommand> PrepareAsync(CancellationToken cancellationToken)
    {
        _connection = new NpgsqlConnection(connectionString);
        await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var upsert = new NpgsqlCommand(statements.Upsert, _connection);
        upsert.Parameters.Add(new NpgsqlParameter<string>("pid", NpgsqlDbType.Text));
        upsert.Parameters.Add(new NpgsqlParameter<long>("seq", NpgsqlDbType.Bigint));
        upsert.Parameters.Add(new NpgsqlParameter<long>("created", NpgsqlDbType.Bigint));
        upsert.Parameters.Add(new NpgsqlParameter<byte[]>("payload", NpgsqlDbType.Bytea));
        upsert.Parameters.Add(new NpgsqlParameter<string>("manifest", NpgsqlDbType.Text));
        upsert.Parameters.Add(new NpgsqlParameter("serializer", NpgsqlDbType.Integer));
        await upsert.PrepareAsync(cancellationToken).ConfigureAwait(false);
        _upsert = upsert;
        return upsert;
    }
}
