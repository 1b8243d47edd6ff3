using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Sql.Config;
using Akka.Remote.Hosting;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Market;
using PositionManager.Actors.Nodes;
using PositionManager.Persistence;

namespace PositionManager.Actors.Hosting;

public static class PositionManagerAkka
{
    public const string SystemName = "position-manager";

    /// <summary>Everything a node runs, in the order it must start: configuration, cluster, gateway, the region that needs it, then the feed and reconciler that need the region.</summary>
    public static AkkaConfigurationBuilder ConfigurePositionManager(this AkkaConfigurationBuilder builder, NodeSetup setup)
    {
        (int Port, string[]? SeedNodes) formation = setup switch
        {
            { SeedNodes: { Count: > 0 } seeds } => (setup.Port, seeds.ToArray()),
            { JoinSelf: true } => SingleNodeFormation.Of(setup.Hostname, setup.Port),
            _ => (setup.Port, null),
        };
        builder.AddHocon(AkkaConfig.Load(setup.Journal, setup.ExtraHocon), HoconAddMode.Prepend)
            .WithRemoting(setup.Hostname, formation.Port)
            .WithClustering(new ClusterOptions { SeedNodes = formation.SeedNodes })
            .WithActors((system, _) => system.ActorOf(NodeInfoActor.Props(BuildInfo.Current, setup.Clock.GetUtcNow(), setup.TradesWith), NodeInfoActor.Name));
        IMarketView market = AlwaysOpenMarket.Instance;
        if (setup.Market is { } clock)
        {
            // First, so that its first read is on its way before any position or intent asks.
            builder.WithMarketClock(clock, setup.Clock);
            market = clock.View;
        }

        if (setup.Broker is { } broker)
        {
            builder.WithBrokerGateway(broker, setup.Clock, market);
        }
        else if (setup.Gateway is { } standIn)
        {
            builder.WithActors((system, registry) => registry.Register<GatewayProxy>(standIn(system)));
        }
        else
        {
            throw new ArgumentException("a node needs the broker gateway or a stand-in for it", nameof(setup));
        }

        builder.WithPositionRegion(setup.Positions, setup.NumberOfShards, setup.Clock, market);
        if (setup.Prices is { } prices)
        {
            builder.WithPriceFeed(prices, setup.Clock);
        }

        if (setup.Reconciler is { } reconciler)
        {
            builder.WithReconciler(reconciler, setup.Clock);
        }

        if (setup.Journal.WriteAheadLog)
        {
            builder.AddSetup(new DataOptionsSetup(SqliteJournalFile.DataOptions(setup.Journal)));
        }

        return builder;
    }
}
