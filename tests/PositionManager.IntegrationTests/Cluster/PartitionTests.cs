using System.Net;
using Npgsql;
using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>
/// A real network partition: each node in its own network namespace on a bridge, PostgreSQL and
/// the PaperBroker reached through relays on the bridge. The link of the node running the gateway
/// is cut: keep-majority downs it, the majority keeps trading, the cut node stops (no second
/// gateway), and when the link returns and the node rejoins, nothing is sent twice.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class PartitionTests : FailoverSpec
{
    private const int ReplacementRemotingPort = 4054;

    private NetworkNamespaces? _network;
    private TcpRelay? _journalRelay;
    private TcpRelay? _brokerRelay;

    [Fact]
    public async Task The_cut_node_downs_itself_the_majority_keeps_trading_and_no_exit_is_lost_or_doubled()
    {
        var cut = await Cluster.GatewayHostAsync();
        var majority = Enumerable.Range(0, Cluster.Count).Where(n => n != cut).ToList();

        Network.Cut(cut);

        // The majority removes the cut member; the cut member, alone, downs itself and stops.
        await Cluster.WaitForMembersAsync(majority[0], majority, Patience);
        await Cluster.WaitForMembersAsync(majority[1], majority, Patience);
        await Cluster.Node(cut).WaitForExitAsync(Patience);
        Assert.Contains(await Cluster.GatewayHostAsync(), majority);

        // The majority keeps trading: every call falls through its stop and is sold once.
        Quote(4.00m);
        await AssertEachCallSoldExactlyOnceAsync();
        var ordersBeforeTheLinkReturns = Broker.Orders().Count;

        // The link returns and the node, replaced as ECS replaces a stopped task (a new address),
        // joins the same cluster: it sends nothing again. Restarted at the SAME address it was, in
        // two CI runs, seen unreachable by one survivor 8 s after joining and downed together with
        // it (indirectly connected), likely through remoting state it still held for the old incarnation.
        Network.Restore(cut);
        await Cluster.RestartAtNewAddressAsync(cut, ReplacementRemotingPort);
        try
        {
            await AfterRejoinAsync(cut, ordersBeforeTheLinkReturns);
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException)
        {
            var node = Cluster.Node(cut);
            throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}rejoined node (exited: {node.HasExited}):{Environment.NewLine}{string.Join(Environment.NewLine, node.Output.TakeLast(40))}{Environment.NewLine}{string.Join(Environment.NewLine, node.Errors.TakeLast(20))}");
        }
    }

    private async Task AfterRejoinAsync(int cut, int ordersBeforeTheLinkReturns)
    {
        await Cluster.WaitForMembersAsync(cut, [0, 1, 2], Patience);
        await Eventually.AssertAsync(
            async () => Assert.Equal(3, (await Cluster.Pmctl(cut, "sharding", "region-stats", "--json")).Json().GetProperty("members").GetArrayLength()),
            Patience);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await Cluster.Pmctl(cut, "reconcile", "now", "--json")).Json().GetProperty("failure").ValueKind);
        Assert.Empty(await OpenPositions(cut));
        Assert.Equal(ordersBeforeTheLinkReturns, Broker.Orders().Count);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_brokerRelay is not null)
        {
            await _brokerRelay.DisposeAsync();
        }

        if (_journalRelay is not null)
        {
            await _journalRelay.DisposeAsync();
        }

        _network?.Dispose();
    }

    protected override NodeCluster StartCluster(GatewayBroker broker, string journalConnection, IReadOnlyDictionary<string, string> settings)
    {
        _network = NetworkNamespaces.Create(3);
        var journal = new NpgsqlConnectionStringBuilder(journalConnection);
        var journalHost = journal.Host is null or "localhost" ? IPAddress.Loopback : IPAddress.Parse(journal.Host);
        _journalRelay = new TcpRelay(_network.Bridge, new IPEndPoint(journalHost, journal.Port));
        _brokerRelay = new TcpRelay(_network.Bridge, new IPEndPoint(IPAddress.Loopback, broker.Host.BaseUrl.Port));
        journal.Host = _network.Bridge.ToString();
        journal.Port = _journalRelay.Endpoint.Port;

        // Each node has a network stack of its own: the same ports in every namespace.
        var layout = new ClusterLayout(
            [.. Enumerable.Range(0, 3).Select(n => _network.Address(n).ToString())],
            [4053, 4053, 4053],
            [9110, 9110, 9110],
            _network.Launcher,
            new Uri($"http://{_network.Bridge}:{_brokerRelay.Endpoint.Port}/"),
            journal.ConnectionString);
        return NodeCluster.Start(layout, settings);
    }

    private NetworkNamespaces Network => _network ?? throw new InvalidOperationException("no namespaces");
}
