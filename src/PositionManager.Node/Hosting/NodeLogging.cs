using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PositionManager.Node.Hosting;

/// <summary>One console format for the node, its Akka actors and the embedded broker: one line per event, time first.</summary>
internal static class NodeLogging
{
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }

    /// <summary>
    /// The embedded broker logs apart from the node (it is its own web host); only its order book
    /// is worth a user's eye: it shows each order as the broker received it (side, symbol, intent).
    /// </summary>
    public static void ConfigureEmbeddedBroker(ILoggingBuilder logging)
    {
        logging.SetMinimumLevel(LogLevel.Warning);
        logging.AddFilter("PositionManager.PaperBroker.Accounts", LogLevel.Information);
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }
}
