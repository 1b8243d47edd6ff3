using System.Collections.Immutable;
using System.Net;
using Akka.Actor;
using Akka.Cluster;
using Akka.Management.Cluster.Bootstrap.ContactPoint;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;

namespace PositionManager.Node.Http;

/// <summary>
/// The contact-point route Cluster Bootstrap probes (<c>GET /bootstrap/seed-nodes</c>), served by
/// Kestrel on the management port. Akka.Management 1.5.73 serves it through Akka.Http.Shim, built
/// against Ceen.Httpd 0.9.9, which the package mirror lacks; 0.9.10 changed
/// <c>HttpServer.ListenAsync(IPEndPoint, …)</c> to take an <c>EndPoint</c>, so Akka.Management's
/// server fails at start with MissingMethodException. The answer is Akka.Management's own
/// <see cref="HttpBootstrapJsonProtocol.SeedNodes"/> written by the serializer its probes read
/// with (Newtonsoft.Json); which members it names follows Akka.Management's route: none while this
/// node is leaving or down, else the reachable Joining/WeaklyUp/Up ones. Every join decision stays
/// Akka.Management's. Delete this once Ceen.Httpd 0.9.9 restores.
/// </summary>
internal sealed class BootstrapContactPoint(ActorSystem system, IPEndPoint endpoint, ILogger<BootstrapContactPoint> logger) : IHostedService, IAsyncDisposable
{
    public const string Route = "/bootstrap/seed-nodes";

    /// <summary>Akka.Management's fixed number: a joining node needs one live member, a few spare ones cover the unlucky pick.</summary>
    private const int MaxSeedNodesToExpose = 5;

    private WebApplication? _server;

    public static Uri SelfUri(string hostname, int port) => new($"http://{hostname}:{port}/");

    /// <summary>Binds the management port on the cluster hostname when it is an address, else on every interface.</summary>
    public static IPEndPoint Endpoint(string hostname, int port) =>
        new(IPAddress.TryParse(hostname, out var address) ? address : IPAddress.Any, port);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "PositionManager.Node.Management" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(endpoint));
        builder.Services.AddRoutingCore();
        _server = builder.Build();
        _server.UseRouting();
        _server.MapGet(Route, (HttpContext context) => context.Response.WriteAsync(SeedNodesJson(), context.RequestAborted));
        await _server.StartAsync(cancellationToken);
        logger.LogInformation("Cluster Bootstrap contact point on http://{Endpoint}{Route}", endpoint, Route);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private string SeedNodesJson()
    {
        var cluster = Cluster.Get(system);
        var self = cluster.SelfMember;
        var members = ImmutableList<HttpBootstrapJsonProtocol.ClusterMember>.Empty;
        if (self.Status is not (MemberStatus.Down or MemberStatus.Exiting or MemberStatus.Leaving or MemberStatus.Removed))
        {
            var state = cluster.State;
            members = [.. state.Members
                .Where(m => !state.Unreachable.Contains(m) && m.Status is MemberStatus.Up or MemberStatus.WeaklyUp or MemberStatus.Joining)
                .Take(MaxSeedNodesToExpose)
                .Select(m => new HttpBootstrapJsonProtocol.ClusterMember(m.Address, m.UniqueAddress.Uid, m.Status, m.Roles))];
        }

        return JsonConvert.SerializeObject(new HttpBootstrapJsonProtocol.SeedNodes(self.Address, members));
    }
}
