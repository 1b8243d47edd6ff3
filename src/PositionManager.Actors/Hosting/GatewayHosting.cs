using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Market;

namespace PositionManager.Actors.Hosting;

public static class GatewayHosting
{
    /// <summary>
    /// The broker gateway as a cluster singleton, and its proxy registered as <see cref="GatewayProxy"/>:
    /// one gateway in the whole cluster, so exactly one actor ever sends orders. It reaches positions
    /// through the region, which starts after it and is looked up when an outcome is sent.
    /// </summary>
    public static AkkaConfigurationBuilder WithBrokerGateway(this AkkaConfigurationBuilder builder, BrokerGatewaySetup setup, TimeProvider clock, IMarketView? market = null) =>
        builder.WithSingleton<GatewayProxy>(
            BrokerGateway.Name,
            (_, registry, _) => BrokerGateway.Props(
                setup.Broker,
                setup.Stream,
                () => registry.TryGet<PositionRegion>(out var region) ? region : null,
                setup.Settings,
                clock,
                market),
            new ClusterSingletonOptions(),
            createProxyToo: true);
}
