using System.Net.Http.Json;
using System.Text.Json;
using PositionManager.Admin;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests.Notifications;

/// <summary>
/// README's demo node (embedded PaperBroker, 2% trail on a moving market) with a JSON webhook: what
/// the gateway, the reconciler and the cluster publish reaches the receiver, halt and refusal included.
/// </summary>
public sealed class NodeNotificationTests : IAsyncLifetime
{
    private const string Token = "notify-test-token-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-notify-test-");
    private WebhookReceiver? _receiver;
    private PositionManagerNode? _node;

    private WebhookReceiver Receiver => _receiver!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _node = await PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["PositionManager:Admin:Token"] = Token,
            ["PositionManager:Notify:WebhookUrl"] = _receiver.Url.ToString(),
            ["PositionManager:Notify:Format"] = "json",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    [Fact]
    public async Task Stock_alert_halt_refused_close_resume_and_fill_each_reach_the_webhook()
    {
        using var admin = new HttpClient { BaseAddress = _node!.AdminUrl };
        admin.DefaultRequestHeaders.Add(AdminRoutes.TokenHeader, Token);

        // Halted before the first pass adopts anything, so the demo's first exit meets the kill switch.
        await Eventually.AssertAsync(
            async () => (await admin.PostAsJsonAsync(AdminRoutes.GatewayHalt, new HaltRequest("notification test"))).EnsureSuccessStatusCode(),
            Patience);
        var (halted, haltedAt) = await Arrived("gateway_halted");
        Assert.Contains("notification test", halted.GetProperty("text").GetString(), StringComparison.Ordinal);
        await Arrived("member_joined");
        var (stock, _) = await Arrived("alert_stock_position");
        Assert.Equal("AAPL", stock.GetProperty("symbol").GetString());

        // The demo's 2% trail closes something within a minute; halted, the gateway refuses it by rule.
        var (exit, exitAt) = await Arrived("exit_triggered", haltedAt);
        var (refused, refusedAt) = await Arrived("close_refused", exitAt);
        Assert.Equal(exit.GetProperty("symbol").GetString(), refused.GetProperty("symbol").GetString());
        Assert.Contains("GatewayHalted", refused.GetProperty("text").GetString(), StringComparison.Ordinal);

        (await admin.PostAsync(AdminRoutes.GatewayResume, null)).EnsureSuccessStatusCode();
        var (_, resumedAt) = await Arrived("gateway_resumed", refusedAt);
        var (filled, _) = await Arrived("order_filled", resumedAt);
        Assert.StartsWith("Order filled: sell_to_close", filled.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Receiver.Accepted, n => n.GetProperty("symbol").GetString() == "AAPL" && n.GetProperty("kind").GetString() != "alert_stock_position");
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    /// <summary>The first notification of that kind after the first <paramref name="after"/> accepted ones.</summary>
    private async Task<(JsonElement Body, int Index)> Arrived(string kind, int after = 0)
    {
        var index = -1;
        await Eventually.AssertAsync(
            () => Task.Run(() =>
            {
                var accepted = Receiver.Accepted;
                index = accepted.Skip(after).Select((n, i) => (n, i)).FirstOrDefault(x => x.n.GetProperty("kind").GetString() == kind, (default, -1)).Item2;
                Assert.True(index >= 0, $"no {kind} notification yet; received: {string.Join(", ", accepted.Select(n => n.GetProperty("kind").GetString()))}");
                index += after;
            }),
            Patience);
        return (Receiver.Accepted[index], index);
    }
}
