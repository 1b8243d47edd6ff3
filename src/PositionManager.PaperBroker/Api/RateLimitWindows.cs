namespace PositionManager.PaperBroker.Api;

/// <summary>Alpaca counts trading and market-data requests in separate budgets.</summary>
public sealed record RateLimitWindows(RateLimitWindow Trading, RateLimitWindow MarketData);
