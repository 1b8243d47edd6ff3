using PositionManager.Domain.Symbols;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// One node as README's command starts it (SQLite, embedded PaperBroker demo) on an ephemeral
/// admin port with a known token, shared by the pmctl tests of one class. The demo's 2% trail is
/// widened to 50% so the random market closes nothing the tests did not close themselves.
/// </summary>
public sealed class AdminNode : IAsyncLifetime
{
    public const string Token = "pmctl-test-token-0123456789";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-admin-test-");
    private PositionManagerNode? _node;

    public PositionManagerNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    public string Url => Node.AdminUrl.ToString().TrimEnd('/');

    public async Task InitializeAsync()
    {
        _node = await PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["PositionManager:Admin:Token"] = Token,
            ["PositionManager:ExitPolicy:TrailingStopPercent"] = "50",
            ["Logging:LogLevel:Default"] = "Warning",
        });

        // Ready for the tests once the reconciler has adopted every option position of the demo.
        var options = OptionSymbols().Count;
        await Eventually.AssertAsync(
            async () =>
            {
                var run = await Pmctl.Run(this, "positions", "list", "--open", "--json");
                Assert.Equal(options, run.Json().GetArrayLength());
            },
            Patience);
    }

    /// <summary>The option contracts the demo account holds (the stock is never a position here).</summary>
    public IReadOnlyList<string> OptionSymbols() =>
        [.. Node.Broker.Embedded!.Account.Positions().Select(p => p.Position.Symbol).Where(s => OptionSymbol.TryParse(s, out _, out _)).Order(StringComparer.Ordinal)];

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }
}
