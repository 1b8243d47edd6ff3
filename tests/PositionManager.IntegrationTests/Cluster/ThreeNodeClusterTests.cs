using System.Text.Json;
using PositionManager.Actors.Nodes;
using PositionManager.Domain.Orders;
using PositionManager.IntegrationTests.Admin;
using PositionManager.IntegrationTests.Support;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// Three node processes (one PostgreSQL journal, one PaperBroker over HTTP, seed nodes on loopback)
/// form one cluster, and pmctl answers for all of it from any node: members, shards per member,
/// positions hosted anywhere, the gateway singleton, every node's build; a member asked to leave
/// leaves, a member marked down stops.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ThreeNodeClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private static readonly string[] Calls =
        ["AAPL281215C00250000", "GOOGL281215C00340000", "MSFT281215C00500000", "NVDA281215C00150000", "SPY281215P00550000", "QQQ281215P00450000"];

    private GatewayBroker _broker = null!;
    private NodeCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        foreach (var call in Calls)
        {
            _broker.Host.Account.SeedPosition(call, 2, 5.00m);
        }

        _cluster = NodeCluster.Start(_broker, TestJournals.NewPostgres().ConnectionString, 3, new Dictionary<string, string>
        {
            ["PositionManager__ExitPolicy__TrailingStopPercent"] = "50",
            ["PositionManager__Reconcile__Interval"] = "00:00:02",
        });
        await _cluster.WaitForMembersAsync(0, [0, 1, 2], Patience);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Pmctl_answers_for_the_whole_cluster_from_any_node_and_members_leave_or_are_downed()
    {
        // Every member sees the same three; every node reports the same build.
        foreach (var node in Enumerable.Range(0, 3))
        {
            var view = (await Pmctl(node, "cluster", "show", "--json")).Json();
            Assert.Equal(_addresses.Order(), view.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("address").GetString()!).Order());
        }

        var versions = (await Pmctl(1, "node", "version", "--json")).Json().EnumerateArray().ToList();
        Assert.Equal(_addresses.Order(), versions.Select(v => v.GetProperty("address").GetString()!).Order());
        Assert.All(versions, v => Assert.Equal(BuildInfo.Current.Commit, v.GetProperty("commit").GetString()));

        // One PaperBroker on loopback for all three: each member names it by its host.
        Assert.All(versions, v => Assert.Equal(("other", _broker.Host.BaseUrl.Authority), (v.GetProperty("broker").GetString(), v.GetProperty("brokerHost").GetString())));

        // The reconciler (a singleton somewhere) adopts all six; pmctl on any node lists and shows them.
        await Eventually.AssertAsync(
            async () => Assert.Equal(Calls.Order(), (await Pmctl(2, "positions", "list", "--open", "--json")).Json().EnumerateArray().Select(p => p.GetProperty("symbol").GetString()!).Order()),
            Patience);
        var shown = (await Pmctl(1, "position", "show", Calls[3], "--json")).Json().GetProperty("position");
        Assert.Equal(("Open", 2), (shown.GetProperty("status").GetString(), shown.GetProperty("quantity").GetInt32()));
        Assert.Equal("PositionOpened.v2", (await Pmctl(2, "position", "history", Calls[4], "--json")).Json().GetProperty("events")[0].GetProperty("event").GetString());

        var stats = (await Pmctl(2, "sharding", "region-stats", "--json")).Json().GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(_addresses.Order(), stats.Select(s => s.GetProperty("address").GetString()!).Order());
        Assert.Equal(Calls.Length, stats.Sum(s => s.GetProperty("entities").GetInt32()));
        Assert.Contains((await Pmctl(1, "sharding", "regions", "--json")).Json().EnumerateArray(), r => r.GetProperty("typeName").GetString() == "position");
        Assert.NotEmpty((await Pmctl(0, "actor", "hierarchy", "--json")).Json().GetProperty("paths").EnumerateArray());
        Assert.False((await Pmctl(2, "gateway", "status", "--json")).Json().GetProperty("halted").GetBoolean());
        Assert.Equal(JsonValueKind.Array, (await Pmctl(1, "orders", "recent", "--json")).Json().ValueKind);
        Assert.Equal(JsonValueKind.Array, (await Pmctl(2, "alerts", "--json")).Json().ValueKind);
        Assert.Equal(JsonValueKind.Null, (await Pmctl(1, "reconcile", "now", "--json")).Json().GetProperty("failure").ValueKind);
        Assert.NotEmpty((await Pmctl(1, "sharding", "shard-stats", "--json")).Json().GetProperty("shards").EnumerateArray().Concat((await Pmctl(0, "sharding", "shard-stats", "--json")).Json().GetProperty("shards").EnumerateArray()).Concat((await Pmctl(2, "sharding", "shard-stats", "--json")).Json().GetProperty("shards").EnumerateArray()));
        Assert.Contains("no member is unreachable", (await Pmctl(1, "cluster", "down-unreachable")).Output);

        // Changes from any node reach the singleton gateway and the position wherever they run.
        Assert.Equal(0, (await Pmctl(2, "gateway", "halt", "--reason", "three-node test")).ExitCode);
        Assert.True((await Pmctl(0, "gateway", "status", "--json")).Json().GetProperty("halted").GetBoolean());
        Assert.Equal(0, (await Pmctl(1, "gateway", "resume")).ExitCode);
        Assert.False((await Pmctl(2, "gateway", "status", "--json")).Json().GetProperty("halted").GetBoolean());
        Assert.Equal(0, (await Pmctl(2, "position", "policy", Calls[0], "--trailing-stop-percent", "45")).ExitCode);
        Assert.Equal(45m, (await Pmctl(0, "position", "show", Calls[0], "--json")).Json().GetProperty("policyValues").GetProperty("trailingStopPercent").GetDecimal());
        Assert.Equal(0, (await Pmctl(1, "position", "close", Calls[5], "--yes")).ExitCode);
        await Eventually.AssertAsync(
            async () =>
            {
                Assert.Equal(0m, _broker.Held(Calls[5]));
                Assert.Equal("Closed", (await Pmctl(2, "position", "show", Calls[5], "--json")).Json().GetProperty("position").GetProperty("status").GetString());
            },
            Patience);
        var sale = Assert.Single(_broker.Orders());
        Assert.Equal((Calls[5], OrderSide.Sell, PositionIntent.SellToClose, 2m), (sale.Symbol, sale.Side, sale.PositionIntent, sale.Qty));

        // Node 3 asked to leave: it hands off and its process ends; node 2 marked down: it stops too.
        Assert.Equal(0, (await Pmctl(0, "cluster", "leave", _addresses[2])).ExitCode);
        Assert.Equal(0, await _cluster.Node(2).WaitForExitAsync(Patience));
        Assert.Equal(0, (await Pmctl(0, "cluster", "down", _addresses[1])).ExitCode);
        await _cluster.Node(1).WaitForExitAsync(Patience);
        await Eventually.AssertAsync(
            async () => Assert.Equal([_addresses[0]], (await Pmctl(0, "cluster", "show", "--json")).Json().GetProperty("members").EnumerateArray().Select(m => m.GetProperty("address").GetString()!)),
            Patience);

        // The survivor hosts every open position again.
        await Eventually.AssertAsync(
            async () => Assert.Equal(Calls.Length - 1, (await Pmctl(0, "positions", "list", "--open", "--json")).Json().GetArrayLength()),
            Patience);
    }

    private IReadOnlyList<string> _addresses => _cluster.Addresses;

    private Task<PmctlRun> Pmctl(int node, params string[] args) => _cluster.Pmctl(node, args);
}
