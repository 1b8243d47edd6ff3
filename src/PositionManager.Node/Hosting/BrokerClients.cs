using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Hosting;

/// <summary>The Alpaca clients of one node, over one HttpClient, logging through the node's loggers.</summary>
public sealed class BrokerClients : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public BrokerClients(BrokerEndpoint endpoint, MarketDataOptions marketData, TimeProvider clock, ILoggerFactory loggers)
    {
        var trading = new AlpacaBrokerClient(_http, endpoint.Settings, clock, loggers.CreateLogger<AlpacaBrokerClient>());
        Trading = trading;
        Reconciling = trading.Yielding();

        // The clock, calendar and contracts are trading-API requests: they share its 200 a minute.
        Reference = new AlpacaReferenceClient(_http, endpoint.Settings, clock, trading.Budget, loggers.CreateLogger<AlpacaReferenceClient>());
        Stream = new AlpacaTradeUpdateStream(endpoint.Settings, clock, loggers.CreateLogger<AlpacaTradeUpdateStream>());

        // Alpaca counts market data requests apart from trading ones: each has its own budget.
        MarketData = new AlpacaMarketData(_http, endpoint.Settings, clock, loggers.CreateLogger<AlpacaMarketData>(), new RequestBudget(clock), marketData.Feed);
        QuoteStream = marketData.Mode == MarketDataMode.Stream
            ? new AlpacaOptionsQuoteStream(endpoint.Settings, marketData.Feed, clock, loggers.CreateLogger<AlpacaOptionsQuoteStream>())
            : null;
    }

    /// <summary>The gateway's: its requests are on an exit's path.</summary>
    public IBrokerClient Trading { get; }

    /// <summary>The reconciler's, on the same budget: its passes yield to exits.</summary>
    public IBrokerClient Reconciling { get; }

    public ITradeUpdateSource Stream { get; }

    /// <summary>The market clock and calendar (<see cref="IMarketCalendar"/>) and option contracts (<see cref="IContractDirectory"/>).</summary>
    public AlpacaReferenceClient Reference { get; }

    /// <summary>Option contracts as the broker describes them (their underlying, for the policy rules).</summary>
    public IContractDirectory Contracts => Reference;

    public IMarketData MarketData { get; }

    /// <summary>Null in poll mode.</summary>
    public IQuoteStream? QuoteStream { get; }

    public void Dispose() => _http.Dispose();
}
