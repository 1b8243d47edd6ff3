using PositionManager.Domain.Symbols;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// One node as README's command starts it (SQLite, embedded PaperBroker demo) in a data directory
/// of its own, on an ephemeral admin port with a known token; a test class's fixture says what else.
/// </summary>
public abstract class DemoNode(string token, string directoryPrefix) : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory(directoryPrefix);
    private PositionManagerNode? _node;

    public PositionManagerNode Node => _node ?? throw new InvalidOperationException("the node has not started");

    /// <summary>Settings beyond the demo's own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["PositionManager:Admin:Token"] = token,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _node = await PositionManagerNode.StartAsync([], settings);
        await WhenStarted();
    }

    /// <summary>What the tests wait for once the node has started.</summary>
    protected virtual Task WhenStarted() => Task.CompletedTask;

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
