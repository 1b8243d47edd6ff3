using Microsoft.Extensions.Configuration;
using PositionManager.Actors.Nodes;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Configuration;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Issue 16, item 4: live trading is a choice, and short keys are refused. Alpaca's live host stops
/// the node unless PositionManager__Broker__AllowLive=true; a key id or secret too short to be
/// Alpaca's stops it too; each with one line naming what to fix and exit code 2, before any request
/// to the broker. None of these tests reaches the internet: every refusal happens before a request,
/// and the one live endpoint admitted is never asked anything (opening it sends nothing).
/// </summary>
public sealed class LiveTradingGuardTests : IDisposable
{
    private const string KeyId = "AKLIVEGUARDKEY012345";
    private const string Secret = "live-guard-secret-0123456789abcdefghijklm";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-live-guard-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [InlineData("https://api.alpaca.markets")]
    [InlineData("https://API.Alpaca.Markets/v2/")]
    [InlineData("http://api.alpaca.markets.")]
    public async Task Alpacas_live_host_without_AllowLive_stops_the_node_naming_the_setting_before_anything_starts(string url)
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], Settings(url)));

        var problem = Assert.Single(bad.Problems);
        Assert.Equal(
            "APCA_API_BASE_URL is Alpaca's live trading host (api.alpaca.markets): orders would spend real money; set PositionManager__Broker__AllowLive=true to trade live",
            problem);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task AllowLive_false_is_the_same_refusal()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], Settings("https://api.alpaca.markets", allowLive: "false")));

        Assert.Contains("set PositionManager__Broker__AllowLive=true to trade live", bad.Message);
    }

    [Fact]
    public async Task The_process_refuses_the_live_host_with_one_line_and_exit_code_2()
    {
        await using var node = NodeProcess.Start(_directory.FullName, Environment("https://api.alpaca.markets"));

        Assert.Equal(2, await node.WaitForExitAsync(Patience));
        var line = Assert.Single(node.Errors, l => l.Length > 0);
        Assert.StartsWith("position manager: cannot start: APCA_API_BASE_URL is Alpaca's live trading host", line);
        Assert.Contains("PositionManager__Broker__AllowLive=true", line);
        Assert.DoesNotContain(Secret, line);
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")), "nothing starts before the broker is admitted");
    }

    /// <summary>Admitted, not contacted: opening the endpoint builds settings and sends nothing, so this test cannot trade.</summary>
    [Fact]
    public async Task AllowLive_true_admits_the_live_host_and_says_it_is_live()
    {
        var configuration = NodeConfiguration.Build([], Settings("https://api.alpaca.markets/", allowLive: "true"));
        var options = PositionManagerOptions.Read(configuration);

        await using var broker = await BrokerEndpoint.OpenAsync(configuration, options.Broker, CancellationToken.None);

        Assert.True(options.Broker.AllowLive);
        Assert.Equal(new TradingBroker(BrokerKind.Live, "api.alpaca.markets"), broker.TradesWith);
        Assert.Equal("live", broker.TradesWith.Describe());
        Assert.Contains("Alpaca LIVE trading at https://api.alpaca.markets/", broker.Description);
        Assert.DoesNotContain(Secret, broker.Description);
    }

    /// <summary>Not live, so no consent is needed; a look-alike is not paper either but an other host, named.</summary>
    [Theory]
    [InlineData("https://paper-api.alpaca.markets", BrokerKind.Paper, "paper-api.alpaca.markets", "paper")]
    [InlineData("http://127.0.0.1:5080/", BrokerKind.Other, "127.0.0.1:5080", "other (127.0.0.1:5080)")]
    [InlineData("https://api.alpaca.markets.example.com/", BrokerKind.Other, "api.alpaca.markets.example.com", "other (api.alpaca.markets.example.com)")]
    public async Task Paper_and_other_hosts_need_no_AllowLive(string url, BrokerKind kind, string host, string described)
    {
        var configuration = NodeConfiguration.Build([], Settings(url));
        var options = PositionManagerOptions.Read(configuration);

        await using var broker = await BrokerEndpoint.OpenAsync(configuration, options.Broker, CancellationToken.None);

        Assert.Equal(new TradingBroker(kind, host), broker.TradesWith);
        Assert.Equal(described, broker.TradesWith.Describe());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("live")]
    public void A_bad_AllowLive_value_is_named(string value)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PositionManagerOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("PositionManager:Broker:AllowLive", value)])
            .Build()));

        Assert.Equal([$"PositionManager__Broker__AllowLive: '{value}' is not true or false"], refused.Problems);
    }

    [Fact]
    public async Task The_process_refuses_a_bad_AllowLive_value_with_one_line_and_exit_code_2()
    {
        await using var node = NodeProcess.Start(_directory.FullName, new Dictionary<string, string> { ["PositionManager__Broker__AllowLive"] = "yes" });

        Assert.Equal(2, await node.WaitForExitAsync(Patience));
        var line = Assert.Single(node.Errors, l => l.Length > 0);
        Assert.Equal("position manager: cannot start: PositionManager__Broker__AllowLive: 'yes' is not true or false", line);
    }

    [Fact]
    public async Task A_typo_in_the_broker_section_is_not_a_setting()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Broker:AllowLiv"] = "true",
        }));

        Assert.Equal(["PositionManager__Broker__AllowLiv is not a setting (a typo would leave a default in force)"], bad.Problems);
    }

    /// <summary>Started with the secret "s", the node's redaction turned every "s" of its log into "(redacted)".</summary>
    [Theory]
    [InlineData("APCA_API_KEY_ID", "PK123", "APCA_API_KEY_ID: too short to be an Alpaca key id (fewer than 16 characters; Alpaca's are 20)")]
    [InlineData("APCA_API_SECRET_KEY", "s", "APCA_API_SECRET_KEY: too short to be an Alpaca secret key (fewer than 16 characters; Alpaca's are 40)")]
    public async Task The_process_refuses_a_key_too_short_to_be_alpacas_with_one_line_and_exit_code_2(string variable, string value, string problem)
    {
        // A paper host: the refusal is about the key, wherever it would be sent.
        var environment = Environment("https://paper-api.alpaca.markets");
        environment[variable] = value;
        await using var node = NodeProcess.Start(_directory.FullName, environment);

        Assert.Equal(2, await node.WaitForExitAsync(Patience));
        var line = Assert.Single(node.Errors, l => l.Length > 0);
        Assert.Equal($"position manager: cannot start: {problem}", line);
        Assert.DoesNotContain(node.Output, l => l.Contains("(redacted)", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")), "nothing starts before the keys are checked");
    }

    [Fact]
    public async Task A_short_key_is_refused_in_process_too_and_before_the_live_check()
    {
        var settings = Settings("https://api.alpaca.markets");
        settings["APCA_API_KEY_ID"] = "PKSHORTKEY";

        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], settings));

        Assert.Equal(["APCA_API_KEY_ID: too short to be an Alpaca key id (fewer than 16 characters; Alpaca's are 20)"], bad.Problems);
        Assert.DoesNotContain("PKSHORTKEY", bad.Message);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    private Dictionary<string, string?> Settings(string tradingUrl, string? allowLive = null) => new()
    {
        ["APCA_API_KEY_ID"] = KeyId,
        ["APCA_API_SECRET_KEY"] = Secret,
        ["APCA_API_BASE_URL"] = tradingUrl,
        ["PositionManager:Broker:AllowLive"] = allowLive,
        ["PositionManager:DataDirectory"] = _directory.FullName,
        ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
    };

    private static Dictionary<string, string> Environment(string tradingUrl) => new()
    {
        ["APCA_API_KEY_ID"] = KeyId,
        ["APCA_API_SECRET_KEY"] = Secret,
        ["APCA_API_BASE_URL"] = tradingUrl,
    };
}
