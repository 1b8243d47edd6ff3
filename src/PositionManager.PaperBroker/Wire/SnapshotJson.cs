using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>One options snapshot. Greeks and implied volatility are not simulated: absent, as Alpaca may leave them.</summary>
public sealed record SnapshotJson(
    [property: JsonPropertyName("latestQuote")] QuoteJson LatestQuote,
    [property: JsonPropertyName("latestTrade")] TradeJson LatestTrade);
