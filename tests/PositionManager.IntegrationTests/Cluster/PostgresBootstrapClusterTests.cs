using System.Diagnostics;
using PositionManager.IntegrationTests.Admin;
using PositionManager.IntegrationTests.Discovery;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// Node processes on one PostgreSQL (journal and discovery table) and one PaperBroker, formed by
/// Akka.Management Cluster Bootstrap over the <c>postgres</c> discovery, with no seed node named
/// anywhere: three started at once form ONE cluster, and a fourth started later joins it.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class PostgresBootstrapClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string SelfJoin = "Initiating new cluster, self-joining";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _journal = TestJournals.NewPostgres().ConnectionString;
    // Remoting, management and admin ports of four nodes, taken together so none repeats.
    private readonly int[] _ports = FreePorts.Take(12);
    private GatewayBroker _broker = null!;
    private NodeCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        _cluster = NodeCluster.PrepareBootstrap(
            new ClusterLayout([.. Enumerable.Repeat("127.0.0.1", 4)], _ports[..4], _ports[8..], _ => null, _broker.Host.BaseUrl, _journal),
            new Dictionary<string, string>
            {
                ["PositionManager__Cluster__Discovery"] = "postgres",
                ["PositionManager__Cluster__RequiredContactPoints"] = "3",
                ["PositionManager__ExitPolicy__TrailingStopPercent"] = "50",
                ["PositionManager__Reconcile__Interval"] = "00:00:02",

                // Bootstrap's decisions (who formed the cluster, who joined) are what this test looks at.
                ["Logging__LogLevel__Akka.Management"] = "Information",
            },
            ManagementPort);
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Three_nodes_started_at_once_form_one_cluster_and_a_fourth_started_later_joins_it()
    {
        var formation = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            _cluster.StartNode(i);
        }

        await EveryNodeSeesAllUp(count: 3);
        formation.Stop();
        output.WriteLine($"3 nodes started at once: one cluster of 3 Up members after {formation.Elapsed.TotalSeconds:0.0} s (process start included)");

        // Exactly one node formed the cluster; the other two joined it.
        Assert.Equal(1, Enumerable.Range(0, 3).Count(n => _cluster.Node(n).Output.Any(line => line.Contains(SelfJoin, StringComparison.Ordinal))));
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => ("position-manager", "127.0.0.1", ManagementPort(i))).Order(),
            await new ContactPointRows(_journal).AllAsync());

        // Positions the reconciler adopts now spread over the members' shards.
        string[] calls = ["AAPL281215C00250000", "GOOGL281215C00340000", "MSFT281215C00500000", "NVDA281215C00150000", "SPY281215P00550000", "QQQ281215P00450000"];
        foreach (var call in calls)
        {
            _broker.Host.Account.SeedPosition(call, 2, 5.00m);
        }

        await Eventually.AssertAsync(
            async () =>
            {
                var members = (await Pmctl(1, "sharding", "region-stats", "--json")).Json().GetProperty("members").EnumerateArray().ToList();
                Assert.Equal(calls.Length, members.Sum(m => m.GetProperty("entities").GetInt32()));
                Assert.True(members.Count(m => m.GetProperty("entities").GetInt32() > 0) >= 2, "the positions should spread over the members");
            },
            Patience);

        var joining = Stopwatch.StartNew();
        _cluster.StartNode(3);
        await EveryNodeSeesAllUp(count: 4);
        output.WriteLine($"a fourth node joined after {joining.Elapsed.TotalSeconds:0.0} s");
        Assert.DoesNotContain(_cluster.Node(3).Output, line => line.Contains(SelfJoin, StringComparison.Ordinal));
    }

    /// <summary>Every running node's own view: the same members, every one Up. Two clusters never agree on this.</summary>
    private async Task EveryNodeSeesAllUp(int count) =>
        await Eventually.AssertAsync(
            async () =>
            {
                for (var node = 0; node < count; node++)
                {
                    var members = (await Pmctl(node, "cluster", "show", "--json")).Json().GetProperty("members").EnumerateArray().ToList();
                    Assert.Equal(_cluster.Addresses.Take(count).Order(), members.Select(m => m.GetProperty("address").GetString()!).Order());
                    Assert.All(members, m => Assert.Equal("Up", m.GetProperty("status").GetString()));
                }
            },
            Patience);

    private int ManagementPort(int node) => _ports[4 + node];

    private Task<PmctlRun> Pmctl(int node, params string[] args) => _cluster.Pmctl(node, args);
}
