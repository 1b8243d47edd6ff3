using System.Text.Json.Serialization;

namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary>
/// Source-generated JSON for market data answers. Unlike trading answers (decimals as strings),
/// data prices are JSON numbers, so numbers are read strictly.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(LatestQuotesJson))]
[JsonSerializable(typeof(LatestTradesJson))]
internal sealed partial class MarketDataJsonContext : JsonSerializerContext;
