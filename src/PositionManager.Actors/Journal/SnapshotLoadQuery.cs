using System.Data.Common;
using Akka.Persistence.Sql.Config;
using static PositionManager.Actors.Journal.DirectSql;

namespace PositionManager.Actors.Journal;

/// <summary>The latest snapshot of a persistent actor, on the table and columns the plugin's configuration names.</summary>
internal sealed class SnapshotLoadQuery
{
    private readonly Func<DbConnection> _connect;
    private readonly string _latestSql;

    public SnapshotLoadQuery(SnapshotTableConfiguration table, Func<DbConnection> connect)
    {
        _connect = connect;
        var c = table.SnapshotTable.ColumnNames;
        _latestSql = $"SELECT {Quote(c.SequenceNumber)}, {Quote(c.Created)}, {Quote(c.Snapshot)}, {Quote(c.Manifest)}, {Quote(c.SerializerId)} " +
                     $"FROM {Table(table.SchemaName, table.SnapshotTable.Name)} WHERE {Quote(c.PersistenceId)} = @pid " +
                     $"ORDER BY {Quote(c.SequenceNumber)} DESC LIMIT 1";
    }

    public async Task<SnapshotRow?> LatestAsync(string persistenceId, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(_connect, _latestSql, cancellationToken, ("@pid", persistenceId));
        await using (connection)
        await using (command)
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            return new SnapshotRow(
                PersistenceId: persistenceId,
                SequenceNr: reader.GetInt64(0),
                CreatedTicks: reader.GetInt64(1),
                Payload: (byte[])reader.GetValue(2),
                Manifest: reader.IsDBNull(3) ? string.Empty : reader.GetString(3),
                SerializerId: reader.IsDBNull(4) ? null : reader.GetInt32(4));
        }
    }
}
