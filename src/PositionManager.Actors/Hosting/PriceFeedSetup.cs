using PositionManager.Actors.Prices;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;

namespace PositionManager.Actors.Hosting;

/// <summary>What the price feed singleton needs: market data, its polling settings, and optionally a quote stream.</summary>
/// <param name="QuoteStream">Pushed quotes while it is up; null: polling only.</param>
public sealed record PriceFeedSetup(IMarketData MarketData, PriceFeedSettings Settings, IQuoteStream? QuoteStream = null);
