using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests.Console;

/// <summary>
/// README's demo node (embedded PaperBroker, its 2% trail on the mid, quotes moving every second)
/// with a known token, sampling its positions every second for the charts.
/// </summary>
public sealed class ConsoleNode() : DemoNode(Token, "pm-console-test-")
{
    public const string Token = "console-test-token-0123456789";

    public Uri ConsoleUrl => new(StartupReport.ConsoleUrl(Node.AdminUrl));
}
