using Akka.Discovery.Config.Hosting;
using Akka.Hosting;
using Akka.Management;
using Akka.Management.Cluster.Bootstrap;
using Akka.Management.Dsl;
using PositionManager.Node.Configuration;
using PositionManager.Node.Http;
using PositionManager.Persistence.Discovery;

namespace PositionManager.Node.Hosting;

/// <summary>
/// Cluster Bootstrap when the node's discovery is <c>config</c> or <c>postgres</c>: Akka.Management
/// serves the probes on the cluster hostname, and bootstrap decides whether to join a running
/// cluster or (lowest address of all required contact points) to form one. The values every node
/// shares live in hocon/bootstrap.conf; only the per-node ones are set here.
/// </summary>
internal static class ClusterFormation
{
    public static AkkaConfigurationBuilder WithClusterFormation(this AkkaConfigurationBuilder akka, ClusterNodeOptions cluster)
    {
        var formation = cluster.Formation;
        if (!formation.UsesBootstrap)
        {
            return akka;
        }

        var method = formation.Discovery == ClusterDiscovery.Postgres ? PostgresDiscoveryHosting.Method : "config";
        if (formation.Discovery == ClusterDiscovery.Postgres)
        {
            akka.WithPostgresDiscovery(formation.DiscoveryPostgres!, new ContactPoint(formation.ServiceName, cluster.Hostname, formation.ManagementPort));
        }
        else
        {
            akka.WithConfigDiscovery(options => options.Services.Add(new Service { Name = formation.ServiceName, Endpoints = [.. formation.ContactPoints] }));
        }

        // Akka.Management's own HTTP server cannot start here (BootstrapContactPoint says why), so
        // bootstrap is started by hand once the self contact point, normally set by that server, is
        // known; Kestrel serves the probe route on the management port in its place.
        var self = BootstrapContactPoint.SelfUri(cluster.Hostname, formation.ManagementPort);
        return akka
            .WithAkkaManagement(hostName: cluster.Hostname, port: formation.ManagementPort, autoStart: false)
            .WithClusterBootstrap(
                options =>
                {
                    options.ContactPointDiscovery.ServiceName = formation.ServiceName;
                    options.ContactPointDiscovery.DiscoveryMethod = method;
                    options.ContactPointDiscovery.RequiredContactPointsNr = formation.RequiredContactPoints;
                },
                autoStart: false)
            .AddStartup(async (system, registry) =>
            {
                var bootstrap = ClusterBootstrap.Get(system);
                _ = bootstrap.Routes(ManagementRouteProviderSettings.Create(self, readOnly: true));
                await bootstrap.Start();
            });
    }
}
