using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// A one-node cluster started through Akka.Hosting with the node's own setup, on a free
/// loopback port, joining itself. The gateway is a black hole unless a test passes one.
/// </summary>
public sealed class HostedNode : IAsyncDisposable
{
    private readonly IHost _host;

    private HostedNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
    }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public static async Task<HostedNode> StartAsync(JournalTarget journal, TimeProvider clock, int numberOfShards = 10, PositionSettings? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            system => system.ActorOf(Props.Create<Akka.TestKit.TestActors.BlackHoleActor>(), "gateway"),
            settings ?? PositionSettings.Default,
            clock,
            numberOfShards,
            ExtraHocon: TestConfig.Strict)));
        var host = builder.Build();
        await host.StartAsync();
        return new HostedNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
