using System.Data.Common;
using Akka.Persistence.Sql.Config;
using static PositionManager.Persistence.Journal.DirectSql;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// The snapshot store's two statements of ours, on the table and columns the plugin's configuration
/// names: the latest snapshot of a persistent actor (what every recovery asks for), and a save as the
/// plugin does it (insert, or replace the one at the same sequence number; PostgreSQL's upsert). The
/// plugin's linq2db InsertOrReplace was built again for every save, and every position saves one
/// when it closes: a third of the exit path's allocations.
/// </summary>
internal sealed class SnapshotStatements
{
    private readonly Func<DbConnection> _connect;
    private readonly string _latestSql;
    private readonly string _latestManySql;

    public SnapshotStatements(SnapshotTableConfiguration table, Func<DbConnection> connect)
    {
        _connect = connect;
        var c = table.SnapshotTable.ColumnNames;
        _latestSql = $"SELECT {Quote(c.SequenceNumber)}, {Quote(c.Created)}, {Quote(c.Snapshot)}, {Quote(c.Manifest)}, {Quote(c.SerializerId)} " +
                     $"FROM {Table(table.SchemaName, table.SnapshotTable.Name)} WHERE {Quote(c.PersistenceId)} = @pid " +
                     $"ORDER BY {Quote(c.SequenceNumber)} DESC LIMIT 1";
        // PostgreSQL only (arrays): the single-actor statement for each of many, in one statement.
        _latestManySql = $"SELECT l.* FROM unnest(@pids) WITH ORDINALITY AS q(pid, i) LEFT JOIN LATERAL (" +
                         $"SELECT {Quote(c.SequenceNumber)}, {Quote(c.Created)}, {Quote(c.Snapshot)}, {Quote(c.Manifest)}, {Quote(c.SerializerId)} " +
                         $"FROM {Table(table.SchemaName, table.SnapshotTable.Name)} WHERE {Quote(c.PersistenceId)} = q.pid " +
                         $"ORDER BY {Quote(c.SequenceNumber)} DESC LIMIT 1) l ON TRUE ORDER BY q.i";
        Upsert = $"INSERT INTO {Table(table.SchemaName, table.SnapshotTable.Name)} " +
                     $"({Quote(c.PersistenceId)}, {Quote(c.SequenceNumber)}, {Quote(c.Created)}, {Quote(c.Snapshot)}, {Quote(c.Manifest)}, {Quote(c.SerializerId)}) " +
                     "VALUES (@pid, @seq, @created, @payload, @manifest, @serializer) " +
                     $"ON CONFLICT ({Quote(c.PersistenceId)}, {Quote(c.SequenceNumber)}) DO UPDATE SET " +
                     $"{Quote(c.Created)} = EXCLUDED.{Quote(c.Created)}, {Quote(c.Snapshot)} = EXCLUDED.{Quote(c.Snapshot)}, " +
                     $"{Quote(c.Manifest)} = EXCLUDED.{Quote(c.Manifest)}, {Quote(c.SerializerId)} = EXCLUDED.{Quote(c.SerializerId)}";
    }

    /// <summary>The save (PostgreSQL's upsert), with parameters @pid, @seq, @created, @payload, @manifest and @serializer; run by <see cref="SnapshotSaveSession"/>.</summary>
    public string Upsert { get; }

    public async Task<SnapshotRow?> LatestAsync(string persistenceId, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(_connect, _latestSql, cancellationToken, ("@pid", persistenceId));
        await using (connection)
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? ReadRow(reader, persistenceId) : null;
        }
    }

    /// <summary>The latest snapshot of each persistent actor, as <see cref="LatestAsync"/> reads it, in one statement (PostgreSQL).</summary>
    public async Task<IReadOnlyList<SnapshotRow?>> LatestManyAsync(IReadOnlyList<string> persistenceIds, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(_connect, _latestManySql, cancellationToken, ("@pids", persistenceIds.ToArray()));
        await using (connection)
        await using (command)
        {
            var latest = new List<SnapshotRow?>(persistenceIds.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                latest.Add(reader.IsDBNull(0) ? null : ReadRow(reader, persistenceIds[latest.Count]));
            }

            return latest;
        }
    }

    private static SnapshotRow ReadRow(DbDataReader reader, string persistenceId) => new(
        PersistenceId: persistenceId,
        SequenceNr: reader.GetInt64(0),
        CreatedTicks: reader.GetInt64(1),
        Payload: (byte[])reader.GetValue(2),
        Manifest: reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
        SerializerId: reader.IsDBNull(4) ? null : reader.GetInt32(4));
}
