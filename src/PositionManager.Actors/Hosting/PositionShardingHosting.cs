using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using PositionManager.Actors.Market;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Sharding;

namespace PositionManager.Actors.Hosting;

public static class PositionShardingHosting
{
    public const string RegionName = "position";

    /// <summary>
    /// The "position" region: one entity per held contract, remembered in the SQL journal
    /// (remember-entities, its eventsourced store, and ddata for the coordinator: hocon/akka.conf) so that
    /// every OPEN position runs again after a restart or rebalance without waiting for a message
    /// (a closed one passivates, which forgets it, and tells the reconciler, which stops pricing
    /// it). The gateway proxy must be registered first.
    /// </summary>
    public static AkkaConfigurationBuilder WithPositionRegion(this AkkaConfigurationBuilder builder, PositionSettings settings, int numberOfShards, TimeProvider clock, IMarketView? market = null) =>
        builder.WithShardRegion<PositionRegion>(
            RegionName,
            (_, registry, _) =>
            {
                // The reconciler starts after the region: looked up when a position closes, not now.
                Func<IActorRef?> reconciler = () => registry.TryGet<ReconcilerProxy>(out var proxy) ? proxy : null;
                return entityId => PositionActor.Props(entityId, settings, registry.Get<GatewayProxy>(), clock, reconciler, market);
            },
            new PositionMessageExtractor(numberOfShards),
            // Empty on purpose: every sharding setting lives in hocon/akka.conf (akka.cluster.sharding).
            // Akka.Hosting lays only the options that are set over that section, so an unset one keeps
            // HOCON's value (RememberEntitiesSpec reads what the running region has).
            new ShardOptions());
}
