using PositionManager.Domain.Symbols;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests.Console;

/// <summary>
/// README's demo node (embedded PaperBroker, its 2% trail on the mid, quotes moving every second)
/// on an ephemeral admin port with a known token, sampling its positions every second for the charts.
/// </summary>
public sealed class ConsoleNode : IAsyncLifetime
{
    public const string Token = "console-test-token-0123456789";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-console-test-");
    private PositionManagerNode? _node;

    public PositionManagerNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    public Uri ConsoleUrl => new(StartupReport.ConsoleUrl(Node.AdminUrl));

    public async Task InitializeAsync()
    {
        _node = await PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["PositionManager:Admin:Token"] = Token,
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    /// <summary>The option contracts the demo account held at start (the stock is never a position here).</summary>
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
