using PositionManager.IntegrationTests.Support;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// README's demo node with a known token, shared by the pmctl tests of one class. The demo's 2%
/// trail is widened to 50% so the random market closes nothing the tests did not close themselves.
/// </summary>
public sealed class AdminNode() : DemoNode(Token, "pm-admin-test-")
{
    public const string Token = "pmctl-test-token-0123456789";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public string Url => Node.AdminUrl.ToString().TrimEnd('/');

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PositionManager:ExitPolicy:TrailingStopPercent"] = "50",
    };

    // Ready for the tests once the reconciler has adopted every option position of the demo.
    protected override async Task WhenStarted()
    {
        var options = OptionSymbols().Count;
        await Eventually.AssertAsync(
            async () =>
            {
                var run = await Pmctl.Run(this, "positions", "list", "--open", "--json");
                Assert.Equal(options, run.Json().GetArrayLength());
            },
            Patience);
    }
}
