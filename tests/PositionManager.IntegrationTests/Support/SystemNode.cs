using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// One node of the real system through Akka.Hosting: the position shard region and the broker
/// gateway singleton, journaled in the given database, talking to the given broker over HTTP.
/// </summary>
public sealed class SystemNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SystemNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
        Gateway = host.Services.GetRequiredService<IRequiredActor<GatewayProxy>>().ActorRef;
    }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public IActorRef Gateway { get; }

    public static async Task<SystemNode> StartAsync(JournalTarget journal, GatewayBroker broker, GatewaySettings gatewaySettings, bool withStream = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            Gateway: null,
            PositionSettings.Default,
            TimeProvider.System,
            NumberOfShards: 10,
            ExtraHocon: TestConfig.Strict,
            Broker: new BrokerGatewaySetup(broker.Client, withStream ? broker.Stream() : null, gatewaySettings))));
        var host = builder.Build();
        await host.StartAsync();
        return new SystemNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
