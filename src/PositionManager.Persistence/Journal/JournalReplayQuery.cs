using Akka.Persistence.Sql.Config;
using static PositionManager.Persistence.Journal.DirectSql;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// The two reads of a journal recovery, as the plugin's native mode does them on the table and
/// columns its configuration names: the highest sequence number (deleted rows included: the plugin
/// keeps the last deleted row so that it survives a delete) and the rows a replay reads (not
/// deleted, in sequence order, within the range, at most a batch). On PostgreSQL each also for
/// many persistent actors in one statement, for the recoveries that queue up behind each other when
/// a node starts thousands of positions at once.
/// </summary>
internal sealed class JournalReplayQuery
{
    private readonly Func<System.Data.Common.DbConnection> _connect;
    private readonly string _replaySql;
    private readonly string _highestSql;
    private readonly string _highestManySql;
    private readonly string _replayManySql;

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

        // PostgreSQL only (arrays). Each request answered by the single-actor statement, index
        // lookups one by one inside one statement, whatever the table's statistics say.
        _highestManySql = $"SELECT (SELECT MAX({sequenceNr}) FROM {from} WHERE {Quote(c.PersistenceId)} = q.pid AND {sequenceNr} > q.f) " +
                          "FROM unnest(@pids, @froms) WITH ORDINALITY AS q(pid, f, i) ORDER BY q.i";
        // Each request's rows exactly as _replaySql reads them, tagged with the request's position.
        _replayManySql = $"SELECT q.i, r.seq, r.message, r.manifest, r.identifier, r.writer, r.created " +
                         "FROM unnest(@pids, @froms, @tos, @limits) WITH ORDINALITY AS q(pid, f, t, l, i) " +
                         $"CROSS JOIN LATERAL (SELECT {sequenceNr} AS seq, {Quote(c.Message)} AS message, {Quote(c.Manifest)} AS manifest, {Quote(c.Identifier)} AS identifier, {writer} AS writer, {Quote(c.Created)} AS created " +
                         $"FROM {from} WHERE {Quote(c.PersistenceId)} = q.pid AND {sequenceNr} >= q.f AND {sequenceNr} <= q.t " +
                         $"AND NOT {Quote(c.Deleted)} ORDER BY {sequenceNr} LIMIT q.l) r ORDER BY q.i, r.seq";
    }

    /// <summary>The highest sequence number of each request as <see cref="HighestSequenceNrAsync"/> reads it, in one statement (PostgreSQL).</summary>
    public async Task<IReadOnlyList<long>> HighestManyAsync(IReadOnlyList<HighestRequest> requests, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(
            _connect,
            _highestManySql,
            cancellationToken,
            ("@pids", requests.Select(r => r.PersistenceId).ToArray()),
            ("@froms", requests.Select(r => r.FromSequenceNr).ToArray()));
        await using (connection)
        await using (command)
        {
            var highest = new List<long>(requests.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                highest.Add(reader.IsDBNull(0) ? 0 : reader.GetInt64(0));
            }

            return highest;
        }
    }

    /// <summary>The rows of each request as <see cref="ReadAsync"/> reads them, in one statement (PostgreSQL).</summary>
    public async Task<IReadOnlyList<IReadOnlyList<JournalReplayRow>>> ReadManyAsync(IReadOnlyList<ReplayRequest> requests, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(
            _connect,
            _replayManySql,
            cancellationToken,
            ("@pids", requests.Select(r => r.PersistenceId).ToArray()),
            ("@froms", requests.Select(r => r.FromSequenceNr).ToArray()),
            ("@tos", requests.Select(r => r.ToSequenceNr).ToArray()),
            ("@limits", requests.Select(r => r.Limit).ToArray()));
        await using (connection)
        await using (command)
        {
            var rows = requests.Select(_ => new List<JournalReplayRow>()).ToArray();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var index = (int)reader.GetInt64(0) - 1;
                rows[index].Add(ReadRow(reader, requests[index].PersistenceId, firstColumn: 1));
            }

            return rows;
        }
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

    public async Task<IReadOnlyList<JournalReplayRow>> ReadAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int limit, CancellationToken cancellationToken)
    {
        var (connection, command) = await CommandAsync(_connect, _replaySql, cancellationToken, ("@pid", persistenceId), ("@from", fromSequenceNr), ("@to", toSequenceNr), ("@limit", limit));
        await using (connection)
        await using (command)
        {
            var rows = new List<JournalReplayRow>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadRow(reader, persistenceId, firstColumn: 0));
            }

            return rows;
        }
    }

    private static JournalReplayRow ReadRow(System.Data.Common.DbDataReader reader, string persistenceId, int firstColumn) => new(
        PersistenceId: persistenceId,
        SequenceNr: reader.GetInt64(firstColumn),
        Message: (byte[])reader.GetValue(firstColumn + 1),
        Manifest: reader.IsDBNull(firstColumn + 2) ? string.Empty : reader.GetString(firstColumn + 2),
        SerializerId: reader.IsDBNull(firstColumn + 3) ? null : reader.GetInt32(firstColumn + 3),
        WriterUuid: reader.IsDBNull(firstColumn + 4) ? null : reader.GetString(firstColumn + 4),
        Timestamp: reader.GetInt64(firstColumn + 5));
}

/// <summary>The highest sequence number above <paramref name="FromSequenceNr"/> of one persistent actor.</summary>
internal sealed record HighestRequest(string PersistenceId, long FromSequenceNr);

/// <summary>One replay batch of one persistent actor: not deleted, within the range, at most <paramref name="Limit"/> rows.</summary>
internal sealed record ReplayRequest(string PersistenceId, long FromSequenceNr, long ToSequenceNr, int Limit);
