namespace PositionManager.Alpaca.MarketData;

/// <summary>The latest trade of one contract; the price is a double as the wire carries it, unchecked.</summary>
public sealed record OptionTrade(string Symbol, double Price, DateTimeOffset Time);
