using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// Akka's built-in <c>config</c> discovery: a fixed list of management endpoints and no database
/// for formation. Three node processes started at once, each listing all three, form ONE cluster
/// through Cluster Bootstrap: exactly one of them initiates it, the others join.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ConfigBootstrapClusterTests : IAsyncLifetime
{
    private const string SelfJoin = "Initiating new cluster, self-joining";
    private const int Nodes = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Remoting, management and admin ports, taken together so none repeats.
    private readonly int[] _ports = FreePorts.Take(3 * Nodes);
    private GatewayBroker _broker = null!;
    private NodeCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        _cluster = NodeCluster.PrepareBootstrap(
            new ClusterLayout([.. Enumerable.Repeat("127.0.0.1", Nodes)], _ports[..Nodes], _ports[(2 * Nodes)..], _ => null, _broker.Host.BaseUrl, TestJournals.NewPostgres().ConnectionString),
            new Dictionary<string, string>
            {
                ["PositionManager__Cluster__Discovery"] = "config",
                ["PositionManager__Cluster__ContactPoints"] = string.Join(',', Enumerable.Range(0, Nodes).Select(n => $"127.0.0.1:{ManagementPort(n)}")),
                ["PositionManager__Cluster__RequiredContactPoints"] = Nodes.ToString(),
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
    public async Task Nodes_listed_in_config_discovery_started_at_once_form_one_cluster()
    {
        for (var node = 0; node < Nodes; node++)
        {
            _cluster.StartNode(node);
        }

        // Every node's own view holds all three Up: two clusters never agree on that.
        for (var node = 0; node < Nodes; node++)
        {
            await _cluster.WaitForMembersAsync(node, Enumerable.Range(0, Nodes), Patience);
        }

        Assert.Equal(1, Enumerable.Range(0, Nodes).Count(n => _cluster.Node(n).Output.Any(line => line.Contains(SelfJoin, StringComparison.Ordinal))));
    }

    private int ManagementPort(int node) => _ports[Nodes + node];
}
