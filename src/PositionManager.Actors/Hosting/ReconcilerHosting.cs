using Akka.Cluster.Hosting;
using Akka.Hosting;
using PositionManager.Actors.Reconciliation;

namespace PositionManager.Actors.Hosting;

public static class ReconcilerHosting
{
    /// <summary>
    /// The reconciler as a cluster singleton, its proxy registered as <see cref="ReconcilerProxy"/>:
    /// one actor compares the account with the positions, so two passes never adopt or close the
    /// same position at once.
    /// </summary>
    public static AkkaConfigurationBuilder WithReconciler(this AkkaConfigurationBuilder builder, ReconcilerSetup setup, TimeProvider clock) =>
        builder.WithSingleton<ReconcilerProxy>(
            Reconciler.Name,
            (_, registry, _) => Reconciler.Props(
                setup.Broker,
                setup.Contracts,
                () => registry.TryGet<PositionRegion>(out var region) ? region : null,
                () => registry.TryGet<PriceFeedProxy>(out var feed) ? feed : null,
                setup.Settings,
                clock),
            new ClusterSingletonOptions(),
            createProxyToo: true);
}
