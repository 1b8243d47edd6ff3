using Akka.Persistence;
using Akka.Persistence.Sql.Config;
using Akka.Persistence.Sql.Snapshot;

namespace PositionManager.Actors.Journal;

/// <summary>
/// Akka.Persistence.Sql's snapshot store, loading the latest snapshot (what every recovery asks
/// for) with one direct, prepared query instead of a linq2db query translated again for each
/// persistent actor (<see cref="DirectReplaySqlJournal"/> says why), and on PostgreSQL saving
/// with one prepared statement (<see cref="SnapshotSaveCommand"/>). Deletes and the other selection
/// criteria stay the plugin's.
/// </summary>
public sealed class DirectLoadSqlSnapshotStore : SqlSnapshotStore
{
    private readonly SnapshotLoadQuery? _latest;
    private readonly SnapshotSaveCommand? _save;
    private readonly Akka.Serialization.Serialization _serialization;

    public DirectLoadSqlSnapshotStore(Akka.Configuration.Config snapshotConfig)
        : base(snapshotConfig)
    {
        var config = new SnapshotConfig(snapshotConfig.WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultSnapshotConfiguration));
        // The plugin stores SQL Server's creation time as a datetime, every other provider's as ticks.
        var ticks = !config.ProviderName.Contains("sqlserver", StringComparison.OrdinalIgnoreCase);
        _latest = ticks && DirectSql.Connect(config.ProviderName, config.ConnectionString) is { } connect
            ? new SnapshotLoadQuery(config.TableConfig, connect)
            : null;
        _save = _latest is not null && config.ProviderName.StartsWith("PostgreSQL", StringComparison.OrdinalIgnoreCase)
            ? new SnapshotSaveCommand(config.TableConfig, DirectSql.Connect(config.ProviderName, config.ConnectionString)!)
            : null;
        _serialization = Context.System.Serialization;
    }

    protected override async Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        if (_save is null)
        {
            await base.SaveAsync(metadata, snapshot, cancellationToken);
            return;
        }

        await _save.SaveAsync(SnapshotRow.Of(metadata, snapshot, _serialization), cancellationToken);
    }

    protected override async Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        if (_latest is null || criteria.MaxSequenceNr != long.MaxValue || criteria.MaxTimeStamp != DateTime.MaxValue)
        {
            return await base.LoadAsync(persistenceId, criteria, cancellationToken);
        }

        return await _latest.LatestAsync(persistenceId, cancellationToken) is { } row ? row.ToSelectedSnapshot(_serialization) : null;
    }
}
