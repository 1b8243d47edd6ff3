using System.Collections.Concurrent;
using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Journal;
using Akka.Util;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// Akka.Persistence.Sql's journal with the reads of a recovery done by one direct, prepared query
/// each. The plugin's replay builds two Akka.Streams graphs per recovering actor and its linq2db
/// queries are translated again for every persistent actor; with 10,000 positions recovering at
/// once that, not the database, was where the time went (tests/PositionManager.Benchmarks,
/// recovery). On PostgreSQL the reads of recoveries that queue up together share one statement,
/// and the writes are ours too (<see cref="JournalRowWriter"/>); deletes stay the plugin's. Same
/// table and columns, and the plugin's native-mode semantics.
/// </summary>
public sealed class DirectReplaySqlJournal : SqlWriteJournal
{
    private readonly JournalReplayQuery? _queries;
    private readonly JournalRowWriter? _writer;

    /// <summary>
    /// On PostgreSQL the reads of recoveries queued behind each other go together: 10,000 positions
    /// recovering at once made 20,000 round trips here, each a statement PostgreSQL parsed, planned and
    /// answered apart, on the same two cores as the node.
    /// </summary>
    private readonly RequestBatcher<HighestRequest, long>? _highestReads;
    private readonly RequestBatcher<ReplayRequest, IReadOnlyList<JournalReplayRow>>? _replayReads;
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
        if (_queries is not null && config.ProviderName.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            // The plugin's buffer-size bounds its write queue; ours is bounded by the same setting.
            var capacity = config.DaoConfig.BufferSize;
            _writer = new JournalRowWriter(config.TableConfig, config.ConnectionString, config.DaoConfig.BatchSize, config.DaoConfig.Parallelism, capacity);
            _highestReads = new RequestBatcher<HighestRequest, long>("journal's highest-sequence-number queue", _queries.HighestManyAsync, RecoveriesPerRead, config.DaoConfig.Parallelism, capacity);
            _replayReads = new RequestBatcher<ReplayRequest, IReadOnlyList<JournalReplayRow>>("journal's replay queue", _queries.ReadManyAsync, RecoveriesPerRead, config.DaoConfig.Parallelism, capacity);
        }
    }

    /// <summary>Persistent actors one read serves at most (Akka recovers 50 at a time by default).</summary>
    private const int RecoveriesPerRead = 100;

    protected override void PostStop()
    {
        _writer?.Complete();
        _highestReads?.Complete();
        _replayReads?.Complete();
        base.PostStop();
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

        return _highestReads is not null
            ? await _highestReads.Enqueue(new HighestRequest(persistenceId, fromSequenceNr), cancellationToken)
            : await _queries.HighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);
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
            var rows = _replayReads is not null
                // Akka's replay call carries no token: a recovery that times out is failed by Akka itself.
                ? await _replayReads.Enqueue(new ReplayRequest(persistenceId, from, toSequenceNr, limit), CancellationToken.None)
                : await _queries.ReadAsync(persistenceId, from, toSequenceNr, limit, CancellationToken.None);
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
        var task = _writer is not null && !writes.Any(HasTags)
            ? WriteDirectlyAsync(writes, cancellationToken)
            : base.WriteMessagesAsync(writes, cancellationToken);
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

    /// <summary>
    /// The plugin's write semantics on our writer: an AtomicWrite whose events cannot be serialized
    /// is rejected alone (its actor is told, the others are written); the rest go in one batch, all
    /// or nothing, and a failed batch fails the call.
    /// </summary>
    private async Task<IImmutableList<Exception>> WriteDirectlyAsync(IReadOnlyCollection<AtomicWrite> writes, CancellationToken cancellationToken)
    {
        var created = DateTime.UtcNow.Ticks;
        var rows = new List<JournalRowToWrite>();
        var results = new Exception?[writes.Count];
        var index = 0;
        foreach (var write in writes)
        {
            try
            {
                var events = (IImmutableList<IPersistentRepresentation>)write.Payload;
                rows.AddRange(events.Select(e => ToRow(e, created)).ToList());
            }
            catch (Exception e)
            {
                results[index] = e;
            }

            index++;
        }

        if (rows.Count > 0)
        {
            await _writer!.WriteAsync(rows, cancellationToken);
        }

        return results.All(r => r is null) ? null! : ImmutableList.CreateRange(results.Select(r => r!));
    }

    private JournalRowToWrite ToRow(IPersistentRepresentation @event, long created) =>
        Akka.Serialization.Serialization.WithTransport(_serialization.System, (@event, _serialization, created), static state =>
        {
            var (e, serialization, now) = state;
            var serializer = serialization.FindSerializerFor(e.Payload);
            var manifest = serializer switch
            {
                Akka.Serialization.SerializerWithStringManifest named => named.Manifest(e.Payload),
                { IncludeManifest: true } => e.Payload.GetType().TypeQualifiedName(),
                _ => string.Empty,
            };
            return new JournalRowToWrite(e.PersistenceId, e.SequenceNr, serializer.ToBinary(e.Payload), manifest, serializer.Identifier, e.WriterGuid, e.Timestamp == 0 ? now : e.Timestamp);
        });

    private static bool HasTags(AtomicWrite write) =>
        ((IImmutableList<IPersistentRepresentation>)write.Payload).Any(e => e.Payload is Tagged);
}
