using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /v1beta1/options/quotes/latest</c>.</summary>
public sealed record LatestQuotesJson([property: JsonPropertyName("quotes")] IReadOnlyDictionary<string, QuoteJson> Quotes);
