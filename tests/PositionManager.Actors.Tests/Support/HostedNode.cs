using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// A one-node cluster started through Akka.Hosting exactly as the node will be, on a free
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
        builder.Services.AddAkka("pm", (akka, _) =>
        {
            akka.AddHocon(AkkaConfig.Load(journal, TestConfig.Strict), HoconAddMode.Prepend)
                .WithRemoting("127.0.0.1", 0)
                .WithClustering(new ClusterOptions())
                .WithActors((system, registry) => registry.Register<GatewayProxy>(system.ActorOf(Props.Create<Akka.TestKit.TestActors.BlackHoleActor>(), "gateway")))
                .WithPositionRegion(settings ?? PositionSettings.Default, numberOfShards, clock)
                .AddStartup((system, _) =>
                {
                    var cluster = Cluster.Get(system);
                    cluster.Join(cluster.SelfAddress);
                });
        });
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
