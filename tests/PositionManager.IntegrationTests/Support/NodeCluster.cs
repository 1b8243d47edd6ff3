using PositionManager.IntegrationTests.Admin;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// Node processes forming one cluster (through seed nodes unless told otherwise): one PostgreSQL
/// journal, one PaperBroker, a data directory, remoting port and admin port each. pmctl talks to any of them.
/// </summary>
public sealed class NodeCluster : IAsyncDisposable
{
    public const string Token = "cluster-test-admin-token-42";

    private static readonly TimeSpan GatewayPlacementPatience = TimeSpan.FromSeconds(60);

    private readonly List<NodeProcess?> _nodes = [];
    private readonly DirectoryInfo _directory;

    private readonly List<Dictionary<string, string>> _environments = [];
    private readonly List<string> _directories = [];
    private readonly ClusterLayout _layout;
    private readonly List<string> _addresses = [];

    private NodeCluster(DirectoryInfo directory, ClusterLayout layout)
    {
        _directory = directory;
        _layout = layout;
    }

    public IReadOnlyList<string> Addresses => _addresses;

    public IReadOnlyList<string> AdminUrls { get; private set; } = [];

    public int Count => _nodes.Count;

    public NodeProcess Node(int index) => _nodes[index] ?? throw new InvalidOperationException($"node {index} is not running");

    /// <param name="settings">PositionManager__* settings every node gets (exit policy, intervals).</param>
    public static NodeCluster Start(GatewayBroker broker, string journalConnection, int count, IReadOnlyDictionary<string, string>? settings = null) =>
        Start(ClusterLayout.Loopback(count, broker.Host.BaseUrl, journalConnection), settings);

    public static NodeCluster Start(ClusterLayout layout, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cluster = Prepare(layout, settings);
        for (var i = 0; i < cluster.Count; i++)
        {
            cluster.StartNode(i);
        }

        return cluster;
    }

    /// <summary>
    /// Every node's place and settings, none started yet (<see cref="StartNode"/>).
    /// Without <paramref name="seedNodes"/> the nodes find each other as <paramref name="perNode"/> says (Cluster Bootstrap).
    /// </summary>
    public static NodeCluster Prepare(ClusterLayout layout, IReadOnlyDictionary<string, string>? settings = null, bool seedNodes = true, Func<int, IReadOnlyDictionary<string, string>>? perNode = null)
    {
        var cluster = new NodeCluster(Directory.CreateTempSubdirectory("pm-cluster-"), layout);
        var count = layout.Hosts.Count;
        cluster._addresses.AddRange(Enumerable.Range(0, count).Select(i => Address(layout.Hosts[i], layout.RemotingPorts[i])));
        cluster.AdminUrls = [.. Enumerable.Range(0, count).Select(i => $"http://{layout.Hosts[i]}:{layout.AdminPorts[i]}")];
        for (var i = 0; i < count; i++)
        {
            var data = Directory.CreateDirectory(Path.Combine(cluster._directory.FullName, $"node{i + 1}"));
            var environment = new Dictionary<string, string>
            {
                ["APCA_API_KEY_ID"] = GatewayBroker.KeyId,
                ["APCA_API_SECRET_KEY"] = GatewayBroker.Secret,
                ["APCA_API_BASE_URL"] = layout.BrokerUrl.ToString(),
                ["APCA_API_DATA_URL"] = layout.BrokerUrl.ToString(),
                ["PositionManager__Journal__Postgres"] = layout.JournalConnection,
                ["PositionManager__DataDirectory"] = data.FullName,
                ["PositionManager__Cluster__Hostname"] = layout.Hosts[i],
                ["PositionManager__Cluster__Port"] = layout.RemotingPorts[i].ToString(),
                ["PositionManager__Admin__Url"] = cluster.AdminUrls[i],
                ["PositionManager__Admin__Token"] = Token,
            };
            if (seedNodes)
            {
                // Every member is a seed: a restarted first seed joins the others instead of forming a second cluster.
                environment["PositionManager__Cluster__SeedNodes"] = string.Join(',', cluster.Addresses);
            }

            foreach (var (name, value) in (settings ?? new Dictionary<string, string>()).Concat(perNode?.Invoke(i) ?? new Dictionary<string, string>()))
            {
                environment[name] = value;
            }

            cluster._environments.Add(environment);
            cluster._directories.Add(data.FullName);
            cluster._nodes.Add(null);
        }

        return cluster;
    }

    /// <summary>Nodes that find each other through Cluster Bootstrap, each serving its management endpoint on its own port.</summary>
    public static NodeCluster PrepareBootstrap(ClusterLayout layout, IReadOnlyDictionary<string, string> settings, Func<int, int> managementPort) =>
        Prepare(layout, settings, seedNodes: false, perNode: node => new Dictionary<string, string> { ["PositionManager__Cluster__ManagementPort"] = managementPort(node).ToString() });

    public void StartNode(int node) =>
        _nodes[node] = NodeProcess.Start(_directories[node], _environments[node], _layout.Launcher(node));

    /// <summary>Starts a stopped member again with the same settings, data directory and place.</summary>
    public async Task RestartAsync(int node)
    {
        if (_nodes[node] is { } old)
        {
            await old.DisposeAsync();
        }

        StartNode(node);
    }

    /// <summary>
    /// Starts a stopped member again on another remoting port, as ECS replaces a stopped task with
    /// a new one at a new address; data directory, admin URL and seed list stay.
    /// </summary>
    public async Task RestartAtNewAddressAsync(int node, int remotingPort)
    {
        _environments[node]["PositionManager__Cluster__Port"] = remotingPort.ToString();
        _addresses[node] = Address(_layout.Hosts[node], remotingPort);
        await RestartAsync(node);
    }

    public Task<PmctlRun> Pmctl(int node, params string[] args) =>
        Admin.Pmctl.RunRaw(["--node", AdminUrls[node], "--token", Token, .. args]);

    /// <summary>Waits until <paramref name="node"/> sees exactly these members, all Up.</summary>
    public Task WaitForMembersAsync(int node, IEnumerable<int> members, TimeSpan patience)
    {
        var expected = members.Select(m => Addresses[m]).Order().ToList();
        return Eventually.AssertAsync(
            async () =>
            {
                var seen = (await Pmctl(node, "cluster", "show", "--json")).Json().GetProperty("members").EnumerateArray()
                    .Where(m => m.GetProperty("status").GetString() == "Up")
                    .Select(m => m.GetProperty("address").GetString()!)
                    .Order()
                    .ToList();
                Assert.Equal(expected, seen);
            },
            patience);
    }

    /// <summary>
    /// The node whose actor tree holds the running gateway singleton (not just its proxy). The
    /// singleton is placed asynchronously after the members are Up (and again after a hand-over),
    /// so this waits until exactly one live node hosts it.
    /// </summary>
    public async Task<int> GatewayHostAsync()
    {
        var hosts = new List<int>();
        var seen = new List<string>();
        try
        {
            await Eventually.AssertAsync(
                async () =>
                {
                    hosts.Clear();
                    seen.Clear();
                    for (var i = 0; i < Count; i++)
                    {
                        if (_nodes[i] is { HasExited: false })
                        {
                            var paths = (await Pmctl(i, "actor", "hierarchy", "--depth", "3", "--json")).Json().GetProperty("paths").EnumerateArray()
                                .Select(p => p.GetString()!)
                                .Where(p => p.StartsWith("/user/broker-gateway", StringComparison.Ordinal))
                                .ToList();
                            seen.Add($"node {i}: {string.Join(", ", paths)}");
                            if (paths.Contains("/user/broker-gateway/broker-gateway"))
                            {
                                hosts.Add(i);
                            }
                        }
                    }

                    Assert.Single(hosts);
                },
                GatewayPlacementPatience);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            throw new Xunit.Sdk.XunitException(
                $"expected exactly one node to run the gateway singleton, found {hosts.Count}; {string.Join("; ", seen)}");
        }

        return hosts[0];
    }

    /// <summary>The position ids whose entities run on <paramref name="node"/>.</summary>
    public async Task<IReadOnlyList<string>> HostedPositionsAsync(int node) =>
        [.. (await Pmctl(node, "sharding", "shard-stats", "--json")).Json().GetProperty("shards").EnumerateArray()
            .SelectMany(s => s.GetProperty("entityIds").EnumerateArray().Select(e => e.GetString()!))];

    private static string Address(string host, int port) => $"akka.tcp://position-manager@{host}:{port}";

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.OfType<NodeProcess>())
        {
            await node.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }
}
