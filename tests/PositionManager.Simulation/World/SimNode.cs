using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Persistence;

namespace PositionManager.Simulation.World;

/// <summary>
/// One node of the real system (gateway, region, feed, reconciler), wired as the integration tests'
/// SystemNode wires it, but on the simulation's clock and with the simulation's short intervals.
/// </summary>
public sealed class SimNode : IAsyncDisposable
{
    private readonly IHost _host;

    private SimNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
        Gateway = host.Services.GetRequiredService<IRequiredActor<GatewayProxy>>().ActorRef;
        var registry = host.Services.GetRequiredService<ActorRegistry>();
        Reconciler = registry.Get<ReconcilerProxy>();
        PriceFeed = registry.Get<PriceFeedProxy>();
    }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    public IActorRef Gateway { get; }

    public IActorRef Reconciler { get; }

    public IActorRef PriceFeed { get; }

    /// <summary>
    /// Intervals run on Akka's scheduler (wall time), so they are short: a feed poll every 20 ms, a
    /// re-send of an unacknowledged close after 300 ms. Business time (quote ages, back-offs, holds)
    /// is the simulation's clock. Reconciler passes run only when the runner asks for one.
    /// </summary>
    public static async Task<SimNode> StartAsync(
        JournalTarget journal,
        TimeProvider clock,
        IBrokerClient gatewayBroker,
        IBrokerClient reconcilerBroker,
        ITradeUpdateSource tradeStream,
        IMarketData marketData,
        IContractDirectory contracts,
        ClusterSeat? seat = null)
    {
        var positions = PositionSettings.Default with
        {
            GatewayAckTimeout = TimeSpan.FromMilliseconds(300),
            PendingExitResendInterval = TimeSpan.FromMilliseconds(600),
        };
        var gateway = GatewaySettings.Default with
        {
            PollInterval = TimeSpan.FromMilliseconds(50),
            RetryDelay = TimeSpan.FromMilliseconds(20),
            MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        };
        var reconcile = new ReconcilerSettings(TimeSpan.FromHours(10), PolicyBook.Only(ExitPolicy.None))
        {
            // Passes come from the runner, a simulated several seconds apart: two of them re-adopt.
            ReadoptAfter = TimeSpan.FromSeconds(10),
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            Gateway: null,
            positions,
            clock,
            NumberOfShards: 10,
            Port: seat?.Port ?? 0,
            SeedNodes: seat?.SeedNodes,
            ExtraHocon: $"akka.loglevel = {Environment.GetEnvironmentVariable("SIM_AKKA_LOGLEVEL") ?? "ERROR"}\n{seat?.Hocon}",
            Broker: new BrokerGatewaySetup(gatewayBroker, tradeStream, gateway),
            Prices: new PriceFeedSetup(marketData, new PriceFeedSettings(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30))),
            Reconciler: new ReconcilerSetup(reconcilerBroker, contracts, reconcile))));
        var host = builder.Build();
        await host.StartAsync();
        return new SimNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
