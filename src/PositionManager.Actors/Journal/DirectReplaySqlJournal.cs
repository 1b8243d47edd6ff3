using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Journal;

namespace PositionManager.Actors.Journal;

/// <summary>
/// Akka.Persistence.Sql's journal with the reads of a recovery done by one direct, prepared query
/// each. The plugin's replay builds two Akka.Streams graphs per recovering actor and its linq2db
/// queries are translated again for every persistent actor; with 10,000 positions recovering at
/// once that, not the database, was where the time went (tests/PositionManager.Benchmarks,
/// recovery). Writes and deletes stay the plugin's; only the read path of a recovery is ours,
/// on the same table and columns and with the plugin's native-mode semantics.
/// </summary>
public sealed class DirectReplaySqlJournal : SqlWriteJournal
{
    private readonly JournalReplayQuery? _queries;
    private readonly int _batchSize;
    private readonly Akka.Serialization.Serialization _serialization;

    /// <summary>Writes not yet finished, by persistence id: the highest sequence number waits for them, as the plugin's does.</summary>
    private readonly ConcurrentDictionary<string, Task> _writesInProgress = new(StringComparer.Ordinal);

    public DirectReplaySqlJournal(Akka.Configuration.Config journalConfig)
        : base(journalConfig)
    {
        var config = new JournalConfig(journalConfig.WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultJournalConfiguration));
        _queries = config.DaoConfig.SqlCommonCompatibilityMode
            ? null
            : DirectSql.Connect(config.ProviderName, config.ConnectionString) is { } connect ? new JournalReplayQuery(config.TableConfig, connect) : null;
        _batchSize = Math.Max(1, config.DaoConfig.ReplayBatchSize);
        _serialization = Context.System.Serialization;
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_queries is null)
        {
            return await base.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
        }

        if (_writesInProgress.TryGetValue(persistenceId, out var write))
        {
            // Whether it succeeded does not matter, only that it is over.
            await write.ContinueWith(static _ => { }, cancellationToken, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        return await _queries.HighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
    }

    public override async Task ReplayMessagesAsync(
        IActorContext context,
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> recoveryCallback)
    {
        if (_queries is null)
        {
            await base.ReplayMessagesAsync(context, persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback);
            return;
        }

        var from = Math.Max(1, fromSequenceNr);
        var remaining = max;
        while (remaining > 0 && from <= toSequenceNr)
        {
            var limit = (int)Math.Min(_batchSize, remaining);
            var rows = await _queries.ReadAsync(persistenceId, from, toSequenceNr, limit);
            foreach (var row in rows)
            {
                recoveryCallback(row.ToPersistent(_serialization));
            }

            remaining -= rows.Count;
            if (rows.Count < limit)
            {
                return;
            }

            from = rows[^1].SequenceNr + 1;
        }
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        if (_queries is null)
        {
            // The plugin's own highest sequence number waits for its own writes.
            return base.WriteMessagesAsync(messages, cancellationToken);
        }

        // Every persist of a peak passes here: one set and one continuation per write, nothing per event.
        var writes = messages as IReadOnlyCollection<AtomicWrite> ?? [.. messages];
        var task = base.WriteMessagesAsync(writes, cancellationToken);
        var writers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            if (writers.Add(write.PersistenceId))
            {
                _writesInProgress[write.PersistenceId] = task;
            }
        }

        _ = task.ContinueWith(
            finished =>
            {
                foreach (var persistenceId in writers)
                {
                    _writesInProgress.TryRemove(new KeyValuePair<string, Task>(persistenceId, finished));
                }
            },
            TaskScheduler.Default);
        return task;
    }
}
