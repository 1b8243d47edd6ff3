using Akka.Persistence.Sql.Config;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// Writes journal rows to PostgreSQL, one statement per batch: all its rows or none. Writes queued
/// while the writers were busy go together, up to a batch, whichever actors they come from (as the
/// plugin's write queue batches). Each writer keeps a session of its own (an open connection with
/// its statements prepared, <see cref="JournalWriterSession"/>), taken back when the journal stops.
/// The plugin's path built and translated a linq2db insert for every batch, the largest CPU item
/// left on the exit path.
/// </summary>
internal sealed class JournalRowWriter
{
    private readonly RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool> _batches;
    private readonly IdleSessions<JournalWriterSession> _sessions;

    public JournalRowWriter(JournalTableConfig table, string connectionString, int batchSize, int parallelism, int capacity)
    {
        var statements = new JournalWriterStatements(table);
        _sessions = new IdleSessions<JournalWriterSession>(() => new JournalWriterSession(statements, connectionString), keepIdle: parallelism);
        _batches = new RequestBatcher<IReadOnlyList<JournalRowToWrite>, bool>("journal's write queue", WriteBatchAsync, maxWeight: batchSize, parallelism, capacity, weight: static rows => rows.Count);
    }

    /// <summary>Completes when the rows are committed; fails with the batch they were written in, or at once when the queue is full.</summary>
    public Task WriteAsync(IReadOnlyList<JournalRowToWrite> rows, CancellationToken cancellationToken) => _batches.Enqueue(rows, cancellationToken);

    /// <summary>Writes what is queued, then lets the writers end and closes their connections.</summary>
    public void Complete()
    {
        _batches.Complete();
        _sessions.Complete();
    }

    private Task<IReadOnlyList<bool>> WriteBatchAsync(IReadOnlyList<IReadOnlyList<JournalRowToWrite>> batch, CancellationToken cancellationToken)
    {
        var rows = batch.Count == 1 ? batch[0] : [.. batch.SelectMany(static rows => rows)];
        return _sessions.UseAsync<IReadOnlyList<bool>>(async session =>
        {
            await session.WriteAsync(rows, cancellationToken).ConfigureAwait(false);
            return [.. batch.Select(static _ => true)];
        });
    }
}

/// <summary>One event as the journal table holds it (not deleted, its ordering given by the table).</summary>
internal sealed record JournalRowToWrite(string PersistenceId, long SequenceNr, byte[] Message, string Manifest, int SerializerId, string WriterUuid, long Created);
