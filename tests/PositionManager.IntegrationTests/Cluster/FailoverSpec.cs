using System.Text.Json;
using PositionManager.Domain.Orders;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// Three node processes on one PostgreSQL journal and one PaperBroker. The calls are put in the
/// account only once all three are Up, so the reconciler's adoption spreads their shards over the
/// members. Each call trails 10% behind its bid, which the test moves.
/// </summary>
public abstract class FailoverSpec : IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    protected static readonly string[] Calls =
        ["AAPL281215C00250000", "GOOGL281215C00340000", "MSFT281215C00500000", "NVDA281215C00150000", "SPY281215P00550000", "QQQ281215P00450000"];

    private readonly Dictionary<string, SettableQuotePath> _quotes = Calls.ToDictionary(c => c, _ => new SettableQuotePath(5.00m, 5.10m));

    protected GatewayBroker Broker { get; private set; } = null!;

    protected NodeCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Broker = await GatewayBroker.StartAsync();
        Cluster = StartCluster(Broker, TestJournals.NewPostgres().ConnectionString, new Dictionary<string, string>
        {
            ["PositionManager__ExitPolicy__TrailingStopPercent"] = "10",
            ["PositionManager__ExitPolicy__PriceSource"] = "bid",
            ["PositionManager__MarketData__PollInterval"] = "200ms",
            ["PositionManager__Reconcile__Interval"] = "00:00:02",
        });
        await Cluster.WaitForMembersAsync(0, [0, 1, 2], Patience);
        foreach (var call in Calls)
        {
            Broker.Host.Market.SetPath(call, _quotes[call]);
            Broker.Host.Account.SeedPosition(call, 2, 5.00m);
        }

        await Eventually.AssertAsync(async () => Assert.Equal(Calls.Length, (await OpenPositions(0)).Count), Patience);
    }

    public virtual async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Broker.DisposeAsync();
    }

    /// <summary>Three nodes on loopback; a partition test places them in network namespaces instead.</summary>
    protected virtual NodeCluster StartCluster(GatewayBroker broker, string journalConnection, IReadOnlyDictionary<string, string> settings) =>
        NodeCluster.Start(broker, journalConnection, 3, settings);

    protected void Quote(decimal bid)
    {
        foreach (var quote in _quotes.Values)
        {
            quote.Set(bid, bid + 0.10m);
        }
    }

    protected async Task<IReadOnlyList<JsonElement>> OpenPositions(int node) =>
        [.. (await Cluster.Pmctl(node, "positions", "list", "--open", "--json")).Json().EnumerateArray()];

    /// <summary>Every call's peak and stop as the cluster (asked through <paramref name="node"/>) holds them.</summary>
    protected Task WaitForPeaksAsync(int node, decimal peak, decimal stop) =>
        Eventually.AssertAsync(
            async () =>
            {
                var positions = await OpenPositions(node);
                Assert.Equal(Calls.Length, positions.Count);
                Assert.All(positions, p => Assert.Equal((peak, stop), (p.GetProperty("peak").GetDecimal(), p.GetProperty("stop").GetDecimal())));
            },
            Patience);

    /// <summary>Every call sold once: one sell_to_close of 2 on its own symbol, the account flat, nothing else sent.</summary>
    protected async Task AssertEachCallSoldExactlyOnceAsync()
    {
        await Eventually.AssertAsync(
            () =>
            {
                Assert.All(Calls, call => Assert.Equal(0m, Broker.Held(call)));
                return Task.CompletedTask;
            },
            Patience);
        var orders = Broker.Orders();
        Assert.Equal(Calls.Order(), orders.Select(o => o.Symbol).Order());
        Assert.All(orders, o => Assert.Equal((OrderSide.Sell, PositionIntent.SellToClose, 2m, 2m), (o.Side, o.PositionIntent, o.Qty, o.FilledQty)));
        Assert.Empty(Broker.Positions());
    }

    /// <summary>A member that is not the gateway's host and runs at least one position.</summary>
    protected async Task<(int Victim, IReadOnlyList<string> Hosted, int Survivor)> PositionHostOtherThanTheGatewayAsync()
    {
        var gateway = await Cluster.GatewayHostAsync();
        var candidates = new List<(int Node, IReadOnlyList<string> Hosted)>();
        foreach (var node in Enumerable.Range(0, Cluster.Count).Where(n => n != gateway))
        {
            candidates.Add((node, await Cluster.HostedPositionsAsync(node)));
        }

        var victim = candidates.MaxBy(c => c.Hosted.Count);
        Assert.NotEmpty(victim.Hosted);
        return (victim.Node, victim.Hosted, gateway);
    }
}
