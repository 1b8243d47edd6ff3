using PositionManager.Actors.Hosting;
using PositionManager.Actors.Sharding;

namespace PositionManager.Actors.Tests;

/// <summary>
/// Remembered entities are stored under their shard ids: if the shard an id maps to ever changed
/// (another hash, Akka's base-class hash, another number of shards), a restarted cluster would
/// start those shards without the positions remembered in them. The expected ids were computed
/// once with the extractor as it is and must stay as they are; a failure here is a migration,
/// not a test to update.
/// </summary>
public sealed class ShardIdGoldenTests
{
    /// <summary>The number of shards a node runs with (NodeSetup's default; the node sets no other).</summary>
    private const int ProductionShards = 100;

    [Theory]
    [InlineData("SPY251219P00550000", "69")]
    [InlineData("AAPL260116C00200000", "14")]
    [InlineData("GOOGL260220C00340000", "91")]
    [InlineData("SPXW251231C06000000", "16")]
    [InlineData("QQQ260320P00480000", "79")]
    [InlineData("TSLA270115C00250000", "15")]
    [InlineData("MSFT260116C00400000", "0")]
    [InlineData("NVDA251017C00185000", "51")]
    [InlineData("F260116C00012000", "15")]
    [InlineData("BRKB260116C00500000", "80")]
    public void A_position_id_maps_to_the_shard_it_always_has(string entityId, string shardId)
    {
        var extractor = new PositionMessageExtractor(ProductionShards);

        Assert.Equal(shardId, extractor.ShardId(entityId));
        Assert.Equal(shardId, extractor.ShardId(entityId, messageHint: new object()));
    }

    [Fact]
    public void Nodes_run_with_the_number_of_shards_the_golden_ids_were_computed_for()
    {
        var numberOfShards = typeof(NodeSetup).GetConstructors().Single()
            .GetParameters().Single(p => p.Name == nameof(NodeSetup.NumberOfShards));

        Assert.True(numberOfShards.HasDefaultValue);
        Assert.Equal(ProductionShards, numberOfShards.DefaultValue);
    }

    [Fact]
    public void A_shard_id_is_the_same_string_every_time()
    {
        var extractor = new PositionMessageExtractor(ProductionShards);

        Assert.Same(extractor.ShardId("SPY251219P00550000"), extractor.ShardId("SPY251219P00550000"));
    }
}
