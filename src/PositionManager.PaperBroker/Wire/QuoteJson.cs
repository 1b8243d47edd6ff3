using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>An options quote as the data API sends it: prices are numbers, names one or two letters.</summary>
public sealed record QuoteJson(
    [property: JsonPropertyName("t")] string Time,
    [property: JsonPropertyName("bx")] string BidExchange,
    [property: JsonPropertyName("bp")] decimal BidPrice,
    [property: JsonPropertyName("bs")] int BidSize,
    [property: JsonPropertyName("ax")] string AskExchange,
    [property: JsonPropertyName("ap")] decimal AskPrice,
    [property: JsonPropertyName("as")] int AskSize,
    [property: JsonPropertyName("c")] string Condition);
