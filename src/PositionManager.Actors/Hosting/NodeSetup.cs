using Akka.Actor;
using PositionManager.Actors.Nodes;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;

namespace PositionManager.Actors.Hosting;

/// <param name="Journal">Where journal and snapshots live.</param>
/// <param name="Gateway">Creates a stand-in for the gateway (tests of positions alone); used only without <paramref name="Broker"/>.</param>
/// <param name="Broker">The real broker gateway singleton and what it talks to.</param>
/// <param name="ExtraHocon">Highest-precedence HOCON (tests, environment overrides).</param>
/// <param name="JoinSelf">Form a one-node cluster when no <paramref name="SeedNodes"/> are given (Akka's seed-node process with this node as its only seed); false when Cluster Bootstrap forms the cluster.</param>
/// <param name="SeedNodes">Akka addresses to join; the first forms the cluster when it is this node.</param>
/// <param name="Prices">The price feed singleton and its market data; none without it (tests of positions alone).</param>
/// <param name="Reconciler">The reconciler singleton and the broker it reads; none without it.</param>
/// <param name="TradesWith">The broker this node trades with, for <c>pmctl node version</c>; none from a host that does not say.</param>
/// <param name="Market">The market clock positions and the gateway decide by; without it the market counts as open at every hour (tests of other parts).</param>
public sealed record NodeSetup(
    JournalTarget Journal,
    Func<ActorSystem, IActorRef>? Gateway,
    PositionSettings Positions,
    TimeProvider Clock,
    int NumberOfShards = 100,
    string Hostname = "127.0.0.1",
    int Port = 0,
    string? ExtraHocon = null,
    bool JoinSelf = true,
    BrokerGatewaySetup? Broker = null,
    PriceFeedSetup? Prices = null,
    ReconcilerSetup? Reconciler = null,
    IReadOnlyList<string>? SeedNodes = null,
    TradingBroker? TradesWith = null,
    MarketClockSetup? Market = null);
