using Akka.Actor;
using Akka.TestKit;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.PaperBroker.Hosting;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// The real BrokerGateway on a fresh PostgreSQL journal, talking over HTTP to a PaperBroker of its
/// own; a probe stands in for the position shard region and receives every order outcome.
/// </summary>
public abstract class GatewaySpec(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TestConfig.Local(TestJournals.NewPostgres()), output: output), IAsyncLifetime
{
    protected static readonly GatewaySettings Fast = GatewaySettings.Default with
    {
        PollInterval = TimeSpan.FromMilliseconds(200),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(500),
    };

    private int _incarnation;

    protected GatewayBroker Broker { get; private set; } = null!;

    protected TestProbe Positions { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Positions = CreateTestProbe("position-region");
        Broker = await GatewayBroker.StartAsync(ConfigureBroker, BrokerClock);
    }

    public async Task DisposeAsync() => await Broker.DisposeAsync();

    protected virtual void ConfigureBroker(PaperBrokerOptions options)
    {
    }

    /// <summary>The broker's own clock; a test may set it to the past so that a rate-limit window has already reset.</summary>
    protected virtual TimeProvider? BrokerClock => null;

    /// <summary>
    /// A gateway incarnation; each one recovers the same journal (persistence id "broker-gateway").
    /// <paramref name="client"/> stands between it and the broker when given (a test's recording or scripted wrapper).
    /// </summary>
    /// <paramref name="clock"/> is the gateway's own (the age of its reads), the system's unless given.
    /// <paramref name="stream"/> replaces the broker's trade stream (a test's scripted one).
    protected IActorRef StartGateway(bool withStream = false, GatewaySettings? settings = null, IBrokerClient? client = null, TimeProvider? clock = null, ITradeUpdateSource? stream = null) =>
        Sys.ActorOf(
            BrokerGateway.Props(client ?? Broker.Client, stream ?? (withStream ? Broker.Stream() : null), () => Positions.Ref, settings ?? Fast, clock ?? TimeProvider.System),
            $"gateway-{++_incarnation}");

    protected void StopGateway(IActorRef gateway)
    {
        Watch(gateway);
        Sys.Stop(gateway);
        ExpectTerminated(gateway);
    }

    protected static GatewayProtocol.SubmitClose Close(
        string symbol,
        int quantity,
        OrderSide side = OrderSide.Sell,
        PositionIntent intent = PositionIntent.SellToClose,
        int exitSequence = 1) =>
        new($"pm-{symbol}-0a1b2c3d-{exitSequence}", symbol, exitSequence, symbol, side, intent, quantity, ExitReason.TrailingStop, 4.90m);

    /// <summary>Sends the intent and waits for the gateway's acknowledgement that it is journaled.</summary>
    protected void Submit(IActorRef gateway, GatewayProtocol.SubmitClose intent)
    {
        gateway.Tell(intent, TestActor);
        ExpectMsg<GatewayProtocol.CloseAccepted>(a => a.IntentId == intent.IntentId);
    }

    /// <summary>The next outcome of the given kind for the position, skipping any other (e.g. progress reports).</summary>
    protected T ExpectOutcome<T>(string positionId, Func<T, bool>? matching = null)
        where T : OrderOutcome
    {
        var report = Positions.FishForMessage<PositionProtocol.ReportOrderOutcome>(
            r => r.PositionId == positionId && r.Outcome is T outcome && (matching is null || matching(outcome)),
            TimeSpan.FromSeconds(20));
        return (T)report.Outcome;
    }

    /// <summary>Waits until every one of the positions has heard that its order filled completely, in any order.</summary>
    protected void ExpectCompleteFills(IEnumerable<string> positionIds)
    {
        var waiting = positionIds.ToHashSet();
        while (waiting.Count > 0)
        {
            var report = Positions.ExpectMsg<PositionProtocol.ReportOrderOutcome>(TimeSpan.FromSeconds(20));
            if (report.Outcome is OrderOutcome.Fill { OrderComplete: true })
            {
                waiting.Remove(report.PositionId);
            }
        }
    }

    protected OrderOutcome.Rejected ExpectRefusal(string positionId, params string[] ruleCodes)
    {
        var rejected = ExpectOutcome<OrderOutcome.Rejected>(positionId);
        Assert.All(ruleCodes, code => Assert.Contains(code, rejected.Reason, StringComparison.Ordinal));
        return rejected;
    }

    protected GatewayProtocol.GatewayStatus Status(IActorRef gateway)
    {
        gateway.Tell(GatewayProtocol.GetStatus.Instance, TestActor);
        return ExpectMsg<GatewayProtocol.GatewayStatus>();
    }
}
