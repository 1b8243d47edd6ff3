using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// One node of the real system through Akka.Hosting: the position shard region and the broker
/// gateway singleton (and, when given their settings, the price feed and reconciler singletons),
/// journaled in the given database, talking to the given broker over HTTP.
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
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Reconciler = registry.TryGet<ReconcilerProxy>(out var reconciler) ? reconciler : null;
        PriceFeed = registry.TryGet<PriceFeedProxy>(out var feed) ? feed : null;
    }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public IActorRef Gateway { get; }

    /// <summary>The reconciler singleton's proxy, when the node runs one.</summary>
    public IActorRef? Reconciler { get; }

    /// <summary>The price feed singleton's proxy, when the node runs one.</summary>
    public IActorRef? PriceFeed { get; }

    /// <param name="reconcile">Runs the reconciler against the broker with these settings.</param>
    /// <param name="prices">Runs the price feed on the broker's market data with these settings.</param>
    /// <param name="contracts">Where the reconciler reads contracts; the broker's, over HTTP, by default.</param>
    /// <param name="market">Runs the node's market clock; without it the market counts as open at every hour.</param>
    /// <param name="clock">The node's time (the broker's manual clock, so quotes it stamps are fresh here); the system's by default.</param>
    /// <param name="positions">The positions' settings; <see cref="PositionSettings.Default"/> by default.</param>
    /// <param name="gatewayClient">Stands between the gateway and the broker when given (a test's recording wrapper of <paramref name="broker"/>'s client).</param>
    public static async Task<SystemNode> StartAsync(
        JournalTarget journal,
        GatewayBroker broker,
        GatewaySettings gatewaySettings,
        bool withStream = true,
        ReconcilerSettings? reconcile = null,
        PriceFeedSettings? prices = null,
        IContractDirectory? contracts = null,
        MarketClockSetup? market = null,
        TimeProvider? clock = null,
        PositionSettings? positions = null,
        IBrokerClient? gatewayClient = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            Gateway: null,
            positions ?? PositionSettings.Default,
            clock ?? TimeProvider.System,
            NumberOfShards: 10,
            ExtraHocon: TestConfig.Strict,
            Broker: new BrokerGatewaySetup(gatewayClient ?? broker.Client, withStream ? broker.Stream() : null, gatewaySettings),
            Prices: prices is null ? null : new PriceFeedSetup(broker.MarketData(), prices),
            Reconciler: reconcile is null ? null : new ReconcilerSetup(broker.Client, contracts ?? broker.Contracts, reconcile),
            Market: market)));
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
