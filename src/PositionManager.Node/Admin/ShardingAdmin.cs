using Akka.Actor;
using Akka.Cluster.Sharding;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>sharding regions | region-stats | shard-stats</c> through the regions' own statistics messages.</summary>
internal sealed class ShardingAdmin(ActorSystem system, AdminTimeouts timeouts)
{
    /// <summary>A shard's entity ids are listed up to this many; the count is always exact.</summary>
    public const int MaxEntityIdsPerShard = 100;

    private ClusterSharding Sharding => ClusterSharding.Get(system);

    public async Task<IReadOnlyList<ShardRegionView>> Regions()
    {
        var views = new List<ShardRegionView>();
        foreach (var typeName in Sharding.ShardTypeNames.Order(StringComparer.Ordinal))
        {
            var stats = await Asks.Ask<ShardRegionStats>(Sharding.ShardRegion(typeName), GetShardRegionStats.Instance, timeouts.Query, $"region '{typeName}'");
            views.Add(new ShardRegionView(typeName, stats.Stats.Count, stats.Stats.Values.Sum()));
        }

        return views;
    }

    public async Task<RegionStatsView> RegionStats(string? typeName)
    {
        var (name, region) = Region(typeName);
        var stats = await Asks.Ask<ClusterShardingStats>(region, new GetClusterShardingStats(timeouts.Query), timeouts.Query + TimeSpan.FromSeconds(1), $"region '{name}'");
        var members = stats.Regions
            .OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)
            .Select(r => new MemberShardStats(r.Key.ToString(), r.Value.Stats.Count, r.Value.Stats.Values.Sum(), [.. r.Value.Failed.Order(StringComparer.Ordinal)]))
            .ToList();
        return new RegionStatsView(name, members);
    }

    public async Task<ShardStatsView> ShardStats(string? typeName)
    {
        var (name, region) = Region(typeName);
        var state = await Asks.Ask<CurrentShardRegionState>(region, GetShardRegionState.Instance, timeouts.Query, $"region '{name}'");
        var shards = state.Shards
            .OrderBy(s => s.ShardId, StringComparer.Ordinal)
            .Select(s => new ShardView(s.ShardId, s.EntityIds.Count, [.. s.EntityIds.Order(StringComparer.Ordinal).Take(MaxEntityIdsPerShard)]))
            .ToList();
        return new ShardStatsView(name, Akka.Cluster.Cluster.Get(system).SelfAddress.ToString(), shards);
    }

    private (string Name, IActorRef Region) Region(string? typeName)
    {
        var name = string.IsNullOrWhiteSpace(typeName) ? "position" : typeName.Trim();
        if (!Sharding.ShardTypeNames.Contains(name))
        {
            throw AdminProblem.NotFound($"no shard region '{name}' on this node (regions: {string.Join(", ", Sharding.ShardTypeNames.Order(StringComparer.Ordinal))})");
        }

        return (name, Sharding.ShardRegion(name));
    }
}
