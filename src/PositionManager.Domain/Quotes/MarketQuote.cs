namespace PositionManager.Domain.Quotes;

/// <summary>
/// A quote as it arrived from market data, unchecked. Prices are doubles because that is what
/// the wire carries (JSON and MessagePack numbers), NaN and infinities included; only
/// <see cref="QuoteSanity"/> turns one into a <see cref="SaneQuote"/> that may move a stop.
/// </summary>
public sealed record MarketQuote(string Symbol, double Bid, double Ask, double? Last, DateTimeOffset Time);
