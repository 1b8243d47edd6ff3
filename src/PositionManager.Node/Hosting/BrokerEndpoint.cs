using Microsoft.Extensions.Configuration;
using PositionManager.Alpaca;
using PositionManager.Node.Configuration;
using PositionManager.PaperBroker.Hosting;

namespace PositionManager.Node.Hosting;

/// <summary>
/// Which broker the node talks to: Alpaca at the APCA_* URLs when APCA_API_KEY_ID is set, or else
/// a PaperBroker started in-process on a free loopback port with its demo account. Either way the
/// node reaches it over HTTP with the same Alpaca clients.
/// </summary>
public sealed class BrokerEndpoint : IAsyncDisposable
{
    /// <summary>The embedded broker accepts any non-empty key pair; these only satisfy the clients.</summary>
    private const string EmbeddedKey = "embedded-demo";

    private BrokerEndpoint(AlpacaSettings settings, PaperBrokerHost? embedded)
    {
        Settings = settings;
        Embedded = embedded;
    }

    public AlpacaSettings Settings { get; }

    /// <summary>The in-process broker, when the node runs one.</summary>
    public PaperBrokerHost? Embedded { get; }

    /// <summary>For the start-up log: URLs only, never a key.</summary>
    public string Description => Embedded is { } broker
        ? $"the embedded PaperBroker at {broker.BaseUrl} (demo account: long calls and puts, one stock position, moving quotes)"
        : $"Alpaca at {Settings.TradingBaseUrl} (market data {Settings.DataBaseUrl})";

    /// <exception cref="NodeSettingsException">APCA_API_KEY_ID is set but the other APCA_* variables are missing or unusable.</exception>
    public static async Task<BrokerEndpoint> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        if (NodeConfiguration.UsesEmbeddedBroker(configuration))
        {
            var broker = await PaperBrokerHost.StartAsync(new PaperBrokerOptions(), port: 0, logging: NodeLogging.ConfigureEmbeddedBroker, cancellationToken: cancellationToken);
            return new BrokerEndpoint(new AlpacaSettings(EmbeddedKey, EmbeddedKey, broker.BaseUrl, broker.BaseUrl, broker.StreamUrl), broker);
        }

        try
        {
            return new BrokerEndpoint(AlpacaSettings.FromVariables(name => configuration[name]), null);
        }
        catch (InvalidOperationException e)
        {
            // AlpacaSettings names the variable and never its value.
            throw new NodeSettingsException(e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is { } broker)
        {
            await broker.DisposeAsync();
        }
    }
}
