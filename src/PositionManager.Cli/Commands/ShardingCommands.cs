using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>sharding regions | region-stats | shard-stats</c>.</summary>
public static class ShardingCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command Create(Terminal terminal)
    {
        var regionForStats = RegionOption();
        var regionForShards = RegionOption();
        return new Command("sharding", "shard regions, and where shards and entities run")
        {
            new Command("regions", "the regions on the answering node, with its shards and entities").Does(terminal, async c =>
                c.Show(await c.Client.Get(AdminRoutes.ShardingRegions, Json.IReadOnlyListShardRegionView), Json.IReadOnlyListShardRegionView, RenderRegions)),
            new Command("region-stats", "shards and entities of a region on every member") { regionForStats }.Does(terminal, async c =>
                c.Show(await c.Client.Get($"{AdminRoutes.ShardingRegionStats}?region={Uri.EscapeDataString(c.Parse.GetValue(regionForStats)!)}", Json.RegionStatsView), Json.RegionStatsView, RenderRegionStats)),
            new Command("shard-stats", "the answering node's shards of a region, with their entities") { regionForShards }.Does(terminal, async c =>
                c.Show(await c.Client.Get($"{AdminRoutes.ShardingShardStats}?region={Uri.EscapeDataString(c.Parse.GetValue(regionForShards)!)}", Json.ShardStatsView), Json.ShardStatsView, RenderShardStats)),
        };
    }

    private static Option<string> RegionOption() => new("--region") { Description = "the region (type name)", DefaultValueFactory = _ => "position" };

    private static void RenderRegions(IReadOnlyList<ShardRegionView> regions, TextWriter output)
    {
        var table = new Table("REGION", "SHARDS", "ENTITIES");
        foreach (var region in regions)
        {
            table.Row(region.TypeName, region.Shards.ToString(), region.Entities.ToString());
        }

        table.WriteTo(output, "no shard regions on this node");
    }

    private static void RenderRegionStats(RegionStatsView stats, TextWriter output)
    {
        output.WriteLine($"region: {stats.TypeName}");
        var table = new Table("MEMBER", "SHARDS", "ENTITIES", "NOT ANSWERING");
        foreach (var member in stats.Members)
        {
            table.Row(member.Address, member.Shards.ToString(), member.Entities.ToString(), member.FailedShards.Count == 0 ? "-" : string.Join(',', member.FailedShards));
        }

        table.WriteTo(output, "no member hosts this region");
    }

    private static void RenderShardStats(ShardStatsView stats, TextWriter output)
    {
        output.WriteLine($"region: {stats.TypeName} on {stats.Address}");
        var table = new Table("SHARD", "ENTITIES", "ENTITY IDS");
        foreach (var shard in stats.Shards)
        {
            var ids = string.Join(' ', shard.EntityIds.Take(3)) + (shard.Entities > 3 ? $" (+{shard.Entities - 3})" : string.Empty);
            table.Row(shard.ShardId, shard.Entities.ToString(), ids);
        }

        table.WriteTo(output, "no shards of this region on this node");
    }
}
