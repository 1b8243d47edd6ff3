using PositionManager.Persistence;
using PositionManager.TestSupport;

namespace PositionManager.Simulation.World;

/// <summary>The cluster mode: the world's node is a member of a <see cref="SimCluster"/>, and its node fault kills a member instead of restarting the node.</summary>
public sealed partial class SimWorld
{
    private SimCluster? _cluster;

    /// <summary>Every member killed in this world (the cluster mode only).</summary>
    public IReadOnlyList<MemberKill> Kills => _cluster?.Kills ?? [];

    /// <summary>A world whose members share one journal (the SQLite file of the single-node mode, in WAL mode, which several writers may open) and one broker.</summary>
    public static async Task<SimWorld> StartClusterAsync(ClusterPlan plan, JournalTarget? journal = null)
    {
        var broker = await SimBroker.StartAsync(Start);
        var world = new SimWorld(broker, journal ?? TestJournals.NewSqlite());
        world._cluster = await SimCluster.StartAsync(plan, seat => world.StartNodeAsync(seat));
        world.Node = world._cluster.Entry;
        return world;
    }

    private async Task KillMemberAsync()
    {
        await _cluster!.KillOneAsync();
        Restarts++;
        Node = _cluster.Entry;
    }
}
