using Akka.Persistence.Sql.Config;
using static PositionManager.Actors.Journal.DirectSql;

namespace PositionManager.Actors.Journal;

/// <summary>
/// The two reads of a journal recovery, as the plugin's native mode does them on the table and
/// columns its configuration names: the highest sequence number (deleted rows included: the plugin
/// keeps the last deleted row so that it survives a delete) and the rows a replay reads (not
/// deleted, in sequence order, within the range, at most a batch).
/// </summary>
internal sealed class JournalReplayQuery
{
    private readonly Func<System.Data.Common.DbConnection> _connect;
    private readonly string _replaySql;
    private readonly string _highestSql;

    public JournalReplayQuery(JournalTableConfig table, Func<System.Data.Common.DbConnection> connect)
    {
        _connect = connect;
        var c = table.EventJournalTable.ColumnNames;
        var from = Table(table.SchemaName, table.EventJournalTable.Name);
        var writer = table.EventJournalTable.UseWriterUuidColumn ? Quote(c.WriterUuid) : "NULL";
        var sequenceNr = Quote(c.SequenceNumber);
        _replaySql = $"SELECT {sequenceNr}, {Quote(c.Message)}, {Quote(c.Manifest)}, {Quote(c.Identifier)}, {writer}, {Quote(c.Created)} " +
                     $"FROM {from} WHERE {Quote(c.PersistenceId)} = @pid AND {sequenceNr} >= @from AND {sequenceNr} <= @to " +
                     $"AND NOT {Quote(c.Deleted)} ORDER BY {sequenceNr} LIMIT @limit";
        _highestSql = $"SELECT MAX({sequenceNr}) FROM {from} WHERE {Quote(c.PersistenceId)} = @pid AND {sequenceNr} > @from";
    }

    public async Task<long> HighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(_connect, _highestSql, cancellationToken, ("@pid", persistenceId), ("@from", fromSequenceNr));
        await using (connection)
        await using (command)
        {
            return await command.ExecuteScalarAsync(cancellationToken) is long highest ? highest : 0;
        }
    }

    public async Task<IReadOnlyList<JournalReplayRow>> ReadAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int limit)
    {
        var (connection, command) = await CommandAsync(_connect, _replaySql, CancellationToken.None, ("@pid", persistenceId), ("@from", fromSequenceNr), ("@to", toSequenceNr), ("@limit", limit));
        await using (connection)
        await using (command)
        {
            var rows = new List<JournalReplayRow>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(new JournalReplayRow(
                    PersistenceId: persistenceId,
                    SequenceNr: reader.GetInt64(0),
                    Message: (byte[])reader.GetValue(1),
                    Manifest: reader.IsDBNull(2) ? string.Empty : reader.GetString(2),
                    SerializerId: reader.IsDBNull(3) ? null : reader.GetInt32(3),
                    WriterUuid: reader.IsDBNull(4) ? null : reader.GetString(4),
                    Timestamp: reader.GetInt64(5)));
            }

            return rows;
        }
    }
}
