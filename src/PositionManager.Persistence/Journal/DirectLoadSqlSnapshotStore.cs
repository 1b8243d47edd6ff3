using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Snapshot;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// Akka.Persistence.Sql's snapshot store, loading the latest snapshot (what every recovery asks
/// for) with one direct, prepared query instead of a linq2db query translated again for each
/// persistent actor (<see cref="DirectReplaySqlJournal"/> says why), and on PostgreSQL saving
/// with one prepared statement (<see cref="SnapshotStatements"/>). Deletes and the other selection
/// criteria stay the plugin's.
/// </summary>
public sealed class DirectLoadSqlSnapshotStore : SqlSnapshotStore
{
    private readonly SnapshotStatements? _statements;
    private readonly bool _savesDirectly;

    /// <summary>On PostgreSQL the loads of recoveries queued behind each other go together (<see cref="DirectReplaySqlJournal"/> says why).</summary>
    private readonly RequestBatcher<string, SnapshotRow?>? _latestReads;
    private readonly IdleSessions<SnapshotSaveSession>? _saveSessions;
    private readonly Akka.Serialization.Serialization _serialization;

    public DirectLoadSqlSnapshotStore(Akka.Configuration.Config snapshotConfig)
        : base(snapshotConfig)
    {
        var config = new SnapshotConfig(snapshotConfig.WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultSnapshotConfiguration));
        // The plugin stores SQL Server's creation time as a datetime, every other provider's as ticks.
        var ticks = !config.ProviderName.Contains("sqlserver", StringComparison.OrdinalIgnoreCase);
        _statements = ticks && DirectSql.Connect(config.ProviderName, config.ConnectionString) is { } connect
            ? new SnapshotStatements(config.TableConfig, connect)
            : null;
        // The upsert is PostgreSQL's; SQLite keeps the plugin's save.
        _savesDirectly = _statements is not null && config.ProviderName.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase);
        _serialization = Context.System.Serialization;
        if (_savesDirectly)
        {
            var statements = _statements!;
            _latestReads = new RequestBatcher<string, SnapshotRow?>("snapshot store's load queue", statements.LatestManyAsync, maxWeight: 100, parallelism: 2, capacity: LoadsWaitingAtMost);
            // Saves are mostly one at a time (a position closing); a burst opens sessions that close after it.
            _saveSessions = new IdleSessions<SnapshotSaveSession>(() => new SnapshotSaveSession(statements, config.ConnectionString), keepIdle: 2);
        }
    }

    /// <summary>Loads are recoveries, which Akka already limits (max-concurrent-recoveries); this bound is a backstop.</summary>
    private const int LoadsWaitingAtMost = 10_000;

    protected override void PostStop()
    {
        _latestReads?.Complete();
        _saveSessions?.Complete();
        base.PostStop();
    }

    protected override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        if (!_savesDirectly)
        {
            await base.SaveAsync(metadata, snapshot, cancellationToken);
            return;
        }

        var row = SnapshotRow.Of(metadata, snapshot, _serialization);
        await _saveSessions!.UseAsync(session => session.SaveAsync(row, cancellationToken));
    }

    protected override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        if (_statements is null || criteria.MaxSequenceNr != long.MaxValue || criteria.MaxTimeStamp != DateTime.MaxValue)
        {
            return await base.LoadAsync(persistenceId, criteria, cancellationToken);
        }

        var latest = _latestReads is not null
            ? await _latestReads.Enqueue(persistenceId, cancellationToken)
            : await _statements.LatestAsync(persistenceId, cancellationToken);
        return latest?.ToSelectedSnapshot(_serialization);
    }
}
