using Akka.Cluster.Hosting;
using Akka.Hosting;
using PositionManager.Actors.Prices;

namespace PositionManager.Actors.Hosting;

public static class PriceFeedHosting
{
    /// <summary>
    /// The price feed as a cluster singleton (one poller per account: the request budget is the
    /// account's), its proxy registered as <see cref="PriceFeedProxy"/>. Region and reconciler are
    /// looked up when needed: the reconciler starts after the feed.
    /// </summary>
    public static AkkaConfigurationBuilder WithPriceFeed(this AkkaConfigurationBuilder builder, PriceFeedSetup setup, TimeProvider clock) =>
        builder.WithSingleton<PriceFeedProxy>(
            PriceFeed.Name,
            (_, registry, _) => PriceFeed.Props(
                setup.MarketData,
                () => registry.TryGet<PositionRegion>(out var region) ? region : null,
                () => registry.TryGet<ReconcilerProxy>(out var reconciler) ? reconciler : null,
                setup.Settings,
                clock,
                setup.QuoteStream),
            new ClusterSingletonOptions(),
            createProxyToo: true);
}
