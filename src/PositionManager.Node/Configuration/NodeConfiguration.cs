using Microsoft.Extensions.Configuration;
using PositionManager.Alpaca;

namespace PositionManager.Node.Configuration;

/// <summary>
/// The node's configuration, lowest precedence first: appsettings.json, then
/// appsettings.PaperBroker.json (only when the node runs its embedded broker: demo values must
/// never reach a real account), environment variables, the command line, and a caller's overrides
/// (tests). The files are read from the application's directory, not the working directory, so
/// <c>dotnet run --project …</c> from anywhere finds them.
/// </summary>
public static class NodeConfiguration
{
    public const string DemoFile = "appsettings.PaperBroker.json";

    public static IConfigurationRoot Build(string[] args, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var overrideList = overrides?.ToList() ?? [];
        var embedded = UsesEmbeddedBroker(Layer(new ConfigurationBuilder(), args, overrideList).Build());
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: false);
        if (embedded)
        {
            builder.AddJsonFile(DemoFile, optional: false);
        }

        return Layer(builder, args, overrideList).Build();
    }

    /// <summary>Without Alpaca keys the node runs against its own PaperBroker.</summary>
    public static bool UsesEmbeddedBroker(IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration[AlpacaSettings.KeyIdVariable]);

    private static IConfigurationBuilder Layer(IConfigurationBuilder builder, string[] args, List<KeyValuePair<string, string?>> overrides) =>
        builder.AddEnvironmentVariables().AddCommandLine(args).AddInMemoryCollection(overrides);
}
