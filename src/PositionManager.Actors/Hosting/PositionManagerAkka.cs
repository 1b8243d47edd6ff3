using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using PositionManager.Actors.Configuration;

namespace PositionManager.Actors.Hosting;

public static class PositionManagerAkka
{
    public const string SystemName = "position-manager";

    /// <summary>Everything a node runs, in the order it must start: configuration, cluster, gateway, then the region that needs it.</summary>
    public static AkkaConfigurationBuilder ConfigurePositionManager(this AkkaConfigurationBuilder builder, NodeSetup setup)
    {
        builder.AddHocon(AkkaConfig.Load(setup.Journal, setup.ExtraHocon), HoconAddMode.Prepend)
            .WithRemoting(setup.Hostname, setup.Port)
            .WithClustering(new ClusterOptions())
            .WithActors((system, registry) => registry.Register<GatewayProxy>(setup.Gateway(system)))
            .WithPositionRegion(setup.Positions, setup.NumberOfShards, setup.Clock);
        if (setup.JoinSelf)
        {
            builder.AddStartup((system, _) =>
            {
                var cluster = Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        }

        return builder;
    }
}
