using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /v1beta1/options/trades/latest</c>.</summary>
public sealed record LatestTradesJson([property: JsonPropertyName("trades")] IReadOnlyDictionary<string, TradeJson> Trades);
