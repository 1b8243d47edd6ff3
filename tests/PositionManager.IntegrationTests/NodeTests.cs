using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Admin;
using PositionManager.Node.Configuration;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The product as a user starts it: README's command with no Alpaca keys runs one node on SQLite
/// against its embedded PaperBroker, whose demo positions it adopts; a bad setting stops it with
/// one line.
/// </summary>
public sealed class NodeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-node-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task The_node_adopts_the_demo_accounts_options_and_journals_in_sqlite_under_its_data_directory()
    {
        await using var node = await PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        var registry = node.Services.GetRequiredService<ActorRegistry>();
        var reconciler = registry.Get<ReconcilerProxy>();
        var region = registry.Get<PositionRegion>();

        IReadOnlyList<WatchedPosition> adopted = [];
        await Eventually.AssertAsync(
            async () =>
            {
                adopted = (await reconciler.Ask<PriceFeedProtocol.Watch>(ReconcilerProtocol.GetWatched.Instance, Patience)).Positions;
                Assert.NotEmpty(adopted);
            },
            Patience);

        var held = node.Broker.Embedded!.Account.Positions().ToDictionary(p => p.Position.Symbol);
        var first = adopted[0];
        var state = (await region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(first.PositionId), Patience)).State;
        Assert.Equal(PositionStatus.Open, state.Status);
        Assert.Equal(held[first.Symbol].Position.AvgEntryPrice, state.EntryPrice);
        Assert.StartsWith("SQLite", node.Journal);
        Assert.True(File.Exists(Path.Combine(_directory.FullName, JournalSetup.DemoJournalFile)));

        // No token configured: the node made one that only its own user can read.
        var token = Path.Combine(_directory.FullName, AdminToken.FileName);
        Assert.Equal(node.AdminToken.File, token);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(token));
        }

        // Read as a shell reads it (File.ReadAllText would drop a byte-order mark, curl would not).
        Admin.AdminTokenFileTests.AssertHoldsExactly(node.AdminToken, token);
    }

    [Fact]
    public async Task Readmes_command_runs_the_product_with_its_data_under_the_working_directory()
    {
        await using var node = NodeProcess.Start(_directory.FullName);

        // The start log says what it trades with before anything else happens.
        Assert.Contains("broker: embedded, the embedded PaperBroker at http://127.0.0.1:", await node.WaitForOutputAsync("starting; broker:", Patience));
        await node.WaitForOutputAsync("ADOPTED", Patience);
        await node.WaitForOutputAsync("ALERT StockPosition", Patience);

        Assert.True(File.Exists(Path.Combine(_directory.FullName, "data", JournalSetup.DemoJournalFile)));
        Assert.DoesNotContain(node.Output, line => line.Contains("embedded-demo", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("PositionManager__ExitPolicy__PriceSource", "ask", "PositionManager__ExitPolicy__PriceSource: 'ask' is not bid, mid or last")]
    [InlineData("PositionManager__Positions__MaxQuoteAge", "1h", "PositionManager__Positions__MaxQuoteAge: '1h' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)")]
    [InlineData("PositionManager__Gateway__MaxAttempts", "0", "PositionManager__Gateway__MaxAttempts: '0' is not a number of attempts (1-100)")]
    public async Task A_bad_setting_stops_the_process_with_one_line_naming_the_variable(string variable, string value, string problem)
    {
        await using var node = NodeProcess.Start(_directory.FullName, new Dictionary<string, string>
        {
            [variable] = value,
        });

        Assert.Equal(2, await node.WaitForExitAsync(Patience));
        var line = Assert.Single(node.Errors, l => l.Length > 0);
        Assert.Contains(problem, line);
        Assert.False(Directory.Exists(Path.Combine(_directory.FullName, "data")), "nothing starts before the settings are checked");
    }

    [Fact]
    public async Task Every_bad_setting_is_named_at_once_and_nothing_starts()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:ExitPolicy:TrailingStopPercent"] = "ten",
            ["PositionManager:ExitPolicy:StopLossPercent"] = "150",
            ["PositionManager:MarketData:PollInterval"] = "soon",
            ["PositionManager:Reconcile:Intervall"] = "00:00:05",
        }));

        Assert.Equal(
            [
                "PositionManager__ExitPolicy__TrailingStopPercent: 'ten' is not a number",
                "PositionManager__ExitPolicy: stop loss 150% must be between 0 and 100 (exclusive)",
                "PositionManager__MarketData__PollInterval: 'soon' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)",
                "PositionManager__Reconcile__Intervall is not a setting (a typo would leave a default in force)",
            ],
            bad.Problems);
        Assert.DoesNotContain('\n', bad.Message);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Fact]
    public async Task A_trailing_stop_by_percent_and_by_amount_at_once_is_refused()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:ExitPolicy:TrailingStopAmount"] = "0.50",
        }));

        Assert.Contains("set TrailingStopPercent or TrailingStopAmount, not both", bad.Message);
    }

    [Fact]
    public async Task Alpaca_keys_without_a_secret_stop_the_node_naming_the_variable_and_no_key()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "PKSECRETKEYID123",
            ["APCA_API_SECRET_KEY"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
        }));

        Assert.Contains("APCA_API_SECRET_KEY", bad.Message);
        Assert.DoesNotContain("PKSECRETKEYID123", bad.Message);
    }

    [Fact]
    public async Task An_admin_endpoint_beyond_loopback_without_a_token_stops_the_node_before_anything_starts()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Admin:Url"] = "http://0.0.0.0:9110",
        }));

        Assert.Contains("PositionManager__Admin__Url: 'http://0.0.0.0:9110' is reachable beyond this machine; set PositionManager__Admin__Token first", bad.Message);
        Assert.Empty(_directory.EnumerateFileSystemInfos());
    }

    [Theory]
    [InlineData("http://127.0.0.1", "is not http://<address>:<port>")]
    [InlineData("https://127.0.0.1:9110", "is not http://<address>:<port>")]
    [InlineData("http://admin.example.com:9110", "is not an IP address or localhost")]
    public async Task A_malformed_admin_url_is_named(string url, string problem)
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Admin:Url"] = url,
        }));

        Assert.Contains("PositionManager__Admin__Url", bad.Message);
        Assert.Contains(problem, bad.Message);
    }

    [Fact]
    public async Task A_short_admin_token_is_refused()
    {
        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Admin:Token"] = "short",
        }));

        Assert.Contains("PositionManager__Admin__Token: at least 16 characters", bad.Message);
        Assert.DoesNotContain("'short'", bad.Message);
    }
}
