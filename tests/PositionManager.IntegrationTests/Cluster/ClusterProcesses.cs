namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// The multi-process cluster tests run one at a time, after everything else: each starts three or
/// four node processes whose failure detectors and split brain resolver run on wall-clock time.
/// Side by side on a two-core machine they starved each other's heartbeats, and a healthy member
/// could be downed for a pause that no production node would see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcesses
{
    public const string Name = "Cluster processes";
}
