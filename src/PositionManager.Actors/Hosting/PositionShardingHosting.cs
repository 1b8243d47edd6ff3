using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Sharding;

namespace PositionManager.Actors.Hosting;

public static class PositionShardingHosting
{
    public const string RegionName = "position";

    /// <summary>
    /// The "position" region: one entity per held contract, remembered in the SQL journal so that
    /// every OPEN position runs again after a restart or rebalance without waiting for a message
    /// (a closed one passivates, which forgets it). The gateway proxy must be registered first.
    /// </summary>
    public static AkkaConfigurationBuilder WithPositionRegion(this AkkaConfigurationBuilder builder, PositionSettings settings, int numberOfShards, TimeProvider clock) =>
        builder.WithShardRegion<PositionRegion>(
            RegionName,
            (_, registry, _) => entityId => PositionActor.Props(entityId, settings, registry.Get<GatewayProxy>(), clock),
            new PositionMessageExtractor(numberOfShards),
            new ShardOptions
            {
                RememberEntities = true,
                RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
                StateStoreMode = StateStoreMode.DData,
            });
}
