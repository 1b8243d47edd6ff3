using PositionManager.Actors.Prices;
using PositionManager.Alpaca.MarketData;

namespace PositionManager.Actors.Hosting;

/// <summary>What the price feed singleton needs: market data and its polling settings.</summary>
public sealed record PriceFeedSetup(IMarketData MarketData, PriceFeedSettings Settings);
