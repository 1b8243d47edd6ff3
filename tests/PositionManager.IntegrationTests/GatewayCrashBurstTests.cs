using PositionManager.Actors.Gateway;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Hosting;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// A crash day in small: simultaneous exits against a broker that enforces Alpaca's 200 trading
/// requests a minute and counts every one. The floor is one request per exit, its submit; the shared
/// position read and the first exit's own read are what may come on top. 40 exits stay inside one
/// window, so the limit is observed, never waited out.
/// </summary>
public sealed class GatewayCrashBurstTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const int Exits = 40;

    protected override void ConfigureBroker(PaperBrokerOptions options) => options.RateLimitPerMinute = 200;

    [Fact]
    public void A_burst_of_simultaneous_exits_costs_at_most_one_and_a_quarter_trading_requests_each_with_no_429_and_each_sent_once()
    {
        var symbols = Enumerable.Range(0, Exits).Select(i => $"SPY261218P{500 + i:D5}000").ToList();
        foreach (var symbol in symbols)
        {
            Broker.Hold(symbol, 1);
        }

        var gateway = StartGateway(withStream: true);
        AwaitAssert(() => Assert.True(Status(gateway).StreamListening), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(50));
        Broker.Host.Requests.Clear();

        var intents = symbols.Select(s => Close(s, 1)).ToList();
        foreach (var intent in intents)
        {
            gateway.Tell(intent, TestActor);
        }

        var acknowledged = Enumerable.Range(0, Exits).Select(_ => ExpectMsg<GatewayProtocol.CloseAccepted>().IntentId).ToHashSet();
        Assert.Equal(intents.Select(i => i.IntentId).ToHashSet(), acknowledged);
        AwaitCondition(() => Broker.Orders().Count >= Exits, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));

        var tally = Broker.Host.Requests.Snapshot();
        var routes = string.Join("; ", tally.Routes.Select(r => $"{r.Api} {r.Route}: {r.Requests} ({r.RateLimited} answered 429)"));
        var perExit = (double)tally.TradingRequests / Exits;
        Assert.True(perExit <= 1.25, $"{tally.TradingRequests} trading requests for {Exits} exits = {perExit:F3} per exit: {routes}");
        Assert.True(tally.TradingRateLimited == 0, routes);
        var orders = Broker.Orders();
        Assert.Equal(intents.Select(i => i.IntentId).Order(StringComparer.Ordinal), orders.Select(o => o.ClientOrderId).Order(StringComparer.Ordinal));
    }
}
