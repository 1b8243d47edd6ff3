using PositionManager.Alpaca;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Hosting;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// A PaperBroker of one test's own on loopback (system clock: fills happen as they would live),
/// and the real Alpaca client and trade stream pointed at it.
/// </summary>
public sealed class GatewayBroker : IAsyncDisposable
{
    // As long as an Alpaca key id (20): the node refuses fewer than 16 characters.
    public const string KeyId = "PKINTEGRATION42XYZ00";
    public const string Secret = "integration-secret-9xQ";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private GatewayBroker(PaperBrokerHost host)
    {
        Host = host;
        Settings = new AlpacaSettings(KeyId, Secret, host.BaseUrl, host.BaseUrl, host.StreamUrl);
        var client = new AlpacaBrokerClient(_http, Settings, TimeProvider.System);
        Client = client;
        Contracts = new AlpacaReferenceClient(_http, Settings, TimeProvider.System, client.Budget);
    }

    public PaperBrokerHost Host { get; }

    public AlpacaSettings Settings { get; }

    public IBrokerClient Client { get; }

    /// <summary>The real contract reads (<c>/v2/options/contracts</c>), on the trading client's budget.</summary>
    public IContractDirectory Contracts { get; }

    /// <summary>The real market data client, polling the broker's copy of Alpaca's options data API.</summary>
    public IMarketData MarketData() => new AlpacaMarketData(_http, Settings, TimeProvider.System);

    public ITradeUpdateSource Stream() =>
        new AlpacaTradeUpdateStream(Settings, TimeProvider.System, options: new StreamOptions { InitialBackoff = TimeSpan.FromMilliseconds(100) });

    public static async Task<GatewayBroker> StartAsync(Action<PaperBrokerOptions>? configure = null, TimeProvider? brokerClock = null)
    {
        var options = new PaperBrokerOptions { SeedDemoAccount = false, ApiKeyId = KeyId, ApiSecretKey = Secret, RateLimitPerMinute = 100_000, PumpInterval = TimeSpan.FromMilliseconds(20) };
        configure?.Invoke(options);
        return new GatewayBroker(await PaperBrokerHost.StartAsync(options, time: brokerClock));
    }

    /// <summary>A long (positive) or short (negative) position, quoted so that a market close fills.</summary>
    public void Hold(string symbol, decimal qty, decimal bid = 4.90m, decimal ask = 5.10m)
    {
        Host.Account.SeedPosition(symbol, qty, 5.00m);
        Host.Market.SetQuote(symbol, bid, ask);
    }

    public IReadOnlyList<PaperOrder> Orders() => Host.Account.ListOrders("all", 500);

    public IReadOnlyList<PaperOrder> OrdersFor(string clientOrderId) => Orders().Where(o => o.ClientOrderId == clientOrderId).ToList();

    /// <summary>Signed quantity held (negative: short), 0 when flat.</summary>
    public decimal Held(string symbol) => Host.Account.Position(symbol)?.Position.Qty ?? 0m;

    public IReadOnlyList<PositionView> Positions() => Host.Account.Positions();

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _http.Dispose();
    }
}
