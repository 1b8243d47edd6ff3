using Microsoft.Extensions.Configuration;
using PositionManager.Actors.Nodes;
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
    /// <summary>
    /// The embedded broker accepts any non-empty key pair; these only satisfy the clients. As long
    /// as a real key, so that the clients' redaction treats them as one.
    /// </summary>
    private const string EmbeddedKey = "embedded-demo-paper-broker";

    private BrokerEndpoint(AlpacaSettings settings, PaperBrokerHost? embedded)
    {
        Settings = settings;
        Embedded = embedded;
        TradesWith = new TradingBroker(Kind(settings, embedded), settings.TradingBaseUrl.Authority);
    }

    public AlpacaSettings Settings { get; }

    /// <summary>The in-process broker, when the node runs one.</summary>
    public PaperBrokerHost? Embedded { get; }

    /// <summary>Embedded, paper, live or other, with the trading host: the start log and <c>pmctl node version</c> say it.</summary>
    public TradingBroker TradesWith { get; }

    /// <summary>For the start-up log: URLs only, never a key.</summary>
    public string Description => TradesWith.Kind switch
    {
        BrokerKind.Embedded => $"the embedded PaperBroker at {Embedded!.BaseUrl} (demo account: long calls and puts, one stock position, moving quotes)",
        BrokerKind.Paper => $"Alpaca paper trading at {Settings.TradingBaseUrl} (market data {Settings.DataBaseUrl})",
        BrokerKind.Live => $"Alpaca LIVE trading at {Settings.TradingBaseUrl}, real money ({BrokerOptions.AllowLiveVariable}=true; market data {Settings.DataBaseUrl})",
        _ => $"a broker that is neither Alpaca's paper nor its live host, at {Settings.TradingBaseUrl} (market data {Settings.DataBaseUrl})",
    };

    /// <summary>Nothing here sends a request: every refusal comes before the broker is asked anything.</summary>
    /// <exception cref="NodeSettingsException">
    /// APCA_API_KEY_ID is set but the other APCA_* variables are missing or unusable, a key is too
    /// short to be Alpaca's, or APCA_API_BASE_URL is Alpaca's live host without
    /// <c>PositionManager__Broker__AllowLive=true</c>.
    /// </exception>
    public static async Task<BrokerEndpoint> OpenAsync(IConfiguration configuration, BrokerOptions options, CancellationToken cancellationToken)
    {
        if (NodeConfiguration.UsesEmbeddedBroker(configuration))
        {
            var broker = await PaperBrokerHost.StartAsync(EmbeddedOptions(configuration), port: 0, logging: NodeLogging.ConfigureEmbeddedBroker, cancellationToken: cancellationToken);
            return new BrokerEndpoint(new AlpacaSettings(EmbeddedKey, EmbeddedKey, broker.BaseUrl, broker.BaseUrl, broker.StreamUrl), broker);
        }

        AlpacaSettings settings;
        try
        {
            settings = AlpacaSettings.FromVariables(name => configuration[name]);
        }
        catch (InvalidOperationException e)
        {
            // AlpacaSettings names the variable and never its value.
            throw new NodeSettingsException(e.Message);
        }

        if (settings.TradingEnvironment == AlpacaTradingEnvironment.Live && !options.AllowLive)
        {
            throw new NodeSettingsException(
                $"{AlpacaSettings.TradingUrlVariable} is Alpaca's live trading host ({AlpacaTradingHosts.LiveHost}): orders would spend real money; "
                + $"set {BrokerOptions.AllowLiveVariable}=true to trade live");
        }

        return new BrokerEndpoint(settings, null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Embedded is { } broker)
        {
            await broker.DisposeAsync();
        }
    }

    private static BrokerKind Kind(AlpacaSettings settings, PaperBrokerHost? embedded) => embedded is not null
        ? BrokerKind.Embedded
        : settings.TradingEnvironment switch
        {
            AlpacaTradingEnvironment.Live => BrokerKind.Live,
            AlpacaTradingEnvironment.Paper => BrokerKind.Paper,
            _ => BrokerKind.Other,
        };

    /// <summary>
    /// The embedded broker reads the standalone PaperBroker's own section (<c>PaperBroker__SeedDemoAccount=false</c>,
    /// <c>PaperBroker__MarketAlwaysOpen=false</c>, …); its keys are always the node's stand-in pair.
    /// </summary>
    private static PaperBrokerOptions EmbeddedOptions(IConfiguration configuration)
    {
        PaperBrokerOptions options;
        try
        {
            options = configuration.GetSection("PaperBroker").Get<PaperBrokerOptions>() ?? new PaperBrokerOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new NodeSettingsException($"PaperBroker: {e.Message}");
        }

        options.ApiKeyId = null;
        options.ApiSecretKey = null;
        return options;
    }
}
