using System.Text.RegularExpressions;
using PositionManager.Actors.Nodes;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Admin;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Which broker each node trades with, as its start log and <c>pmctl node version</c> say it: here
/// a PaperBroker run apart from the node on loopback, which is neither Alpaca's paper nor its live
/// host and so is named by its host. The embedded case is checked by the README and pmctl tests.
/// </summary>
public sealed partial class BrokerReportTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-broker-report-");
    private GatewayBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await GatewayBroker.StartAsync();

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_broker_that_is_not_alpacas_is_named_by_its_host_in_the_start_log_and_in_node_version()
    {
        var host = _broker.Host.BaseUrl.Authority;
        await using var node = NodeProcess.Start(_directory.FullName, new Dictionary<string, string>
        {
            ["APCA_API_KEY_ID"] = GatewayBroker.KeyId,
            ["APCA_API_SECRET_KEY"] = GatewayBroker.Secret,
            ["APCA_API_BASE_URL"] = _broker.Host.BaseUrl.ToString(),
            ["APCA_API_DATA_URL"] = _broker.Host.BaseUrl.ToString(),
            ["PositionManager__DataDirectory"] = _directory.FullName,
        });

        var start = await node.WaitForOutputAsync("starting; broker:", Patience);
        Assert.Contains($"broker: other ({host}), a broker that is neither Alpaca's paper nor its live host, at {_broker.Host.BaseUrl}", start);
        var admin = AdminEndpoint().Match(await node.WaitForOutputAsync("admin endpoint http://", Patience)).Groups["url"].Value;

        var json = (await Admin.Pmctl.RunRaw(["--node", admin, "node", "version", "--json"])).Json();
        var self = Assert.Single(json.EnumerateArray());
        Assert.Equal(("other", host), (self.GetProperty("broker").GetString(), self.GetProperty("brokerHost").GetString()));

        var table = await Admin.Pmctl.RunRaw(["--node", admin, "node", "version"]);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("BROKER", table.Output);
        Assert.Contains($"other ({host})", table.Output);
        Assert.DoesNotContain(node.Output, l => l.Contains(GatewayBroker.Secret, StringComparison.Ordinal) || l.Contains(GatewayBroker.KeyId, StringComparison.Ordinal));
    }

    /// <summary>During a rolling deploy a member of the build before this one answers node.NodeInfo.v1: listed, with its broker unknown rather than guessed.</summary>
    [Fact]
    public void A_member_of_an_older_build_is_listed_with_no_broker()
    {
        var startedAt = new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero);

        var old = NodeVersions.View("akka.tcp://position-manager@10.0.3.7:4053", new NodeInfoProtocol.NodeInfoV1("akka.tcp://position-manager@10.0.3.7:4053", "1.0.0", "4a5c9b9", startedAt));
        var current = NodeVersions.View("akka.tcp://position-manager@10.0.3.8:4053", new NodeInfoProtocol.NodeInfo("akka.tcp://position-manager@10.0.3.8:4053", "1.0.1", "5b6d0c0", startedAt, new TradingBroker(BrokerKind.Live, "api.alpaca.markets")));

        Assert.Equal(("1.0.0", null, null, null), (old.Version, old.Broker, old.BrokerHost, old.Error));
        Assert.Equal(("1.0.1", "live", "api.alpaca.markets", null), (current.Version, current.Broker, current.BrokerHost, current.Error));
    }

    [GeneratedRegex(@"admin endpoint (?<url>http://[0-9.]+:[0-9]+)/? ")]
    private static partial Regex AdminEndpoint();
}
