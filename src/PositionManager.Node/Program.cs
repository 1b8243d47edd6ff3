using PositionManager.Node.Configuration;
using PositionManager.Node.Hosting;

// One node of the position manager. Without APCA_API_KEY_ID it runs against an embedded
// PaperBroker with a demo account (see README, "Run the product"); settings come from
// appsettings.json and PositionManager__* environment variables.
try
{
    await using var node = await PositionManagerNode.StartAsync(args);
    await node.WaitForShutdownAsync();
    return 0;
}
catch (NodeSettingsException bad)
{
    // One line, naming the variable to fix; exit code 2 as for a usage error.
    Console.Error.WriteLine($"position manager: cannot start: {bad.Message}");
    return 2;
}
