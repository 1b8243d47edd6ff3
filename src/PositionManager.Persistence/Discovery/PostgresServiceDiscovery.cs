using System.Net;
using Akka;
using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using Akka.Event;
using Npgsql;

namespace PositionManager.Persistence.Discovery;

/// <summary>
/// The <c>postgres</c> method of Akka.Discovery, for Cluster Bootstrap where no other discovery
/// exists (ECS without its plugin): every node heartbeats its management endpoint into a table of
/// the cluster's own PostgreSQL, and a lookup answers the rows fresher than the TTL. A node stopped
/// through CoordinatedShutdown deletes its row; a killed one stops beating and ages out.
/// </summary>
/// <remarks>
/// Akka.Discovery creates one instance per method and actor system, through the public constructor
/// taking the actor system and the method's own section (<c>akka.discovery.postgres</c>).
/// </remarks>
public sealed class PostgresServiceDiscovery : ServiceDiscovery
{
    private readonly PostgresDiscoverySettings _settings;
    private readonly ContactPointTable _table;

    public PostgresServiceDiscovery(ExtendedActorSystem system, Config config)
    {
        _settings = PostgresDiscoverySettings.From(config);
        var dataSource = NpgsqlDataSource.Create(_settings.ConnectionString);
        _table = new ContactPointTable(dataSource);
        var log = Logging.GetLogger(system, typeof(PostgresServiceDiscovery));
        ContactPointHeartbeat? heartbeat = null;
        if (_settings.Self is { } self)
        {
            heartbeat = new ContactPointHeartbeat(_table, self, _settings.HeartbeatInterval, log);
            heartbeat.Start();
            log.Info("Discovery: registering {0} every {1} (ttl {2})", self, _settings.HeartbeatInterval, _settings.Ttl);

            // The first phase: others stop finding this node before it leaves the cluster.
            CoordinatedShutdown.Get(system).AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "postgres-discovery-deregister", async () =>
            {
                await heartbeat.StopAsync();
                return Done.Instance;
            });
        }

        system.RegisterOnTermination(() =>
        {
            heartbeat?.Abandon();
            dataSource.Dispose();
        });
    }

    /// <summary>Every fresh contact point of the service; port name and protocol are ignored, as each row is one management endpoint.</summary>
    public override async Task<Resolved> Lookup(Lookup lookup, TimeSpan resolveTimeout)
    {
        using var timeout = new CancellationTokenSource(resolveTimeout);
        var points = await _table.FreshAsync(lookup.ServiceName, _settings.Ttl, timeout.Token);
        return new Resolved(
            lookup.ServiceName,
            points.Select(p => new ResolvedTarget(p.Host, p.Port, IPAddress.TryParse(p.Host, out var address) ? address : null)));
    }
}
