using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>An options trade as the data API sends it.</summary>
public sealed record TradeJson(
    [property: JsonPropertyName("t")] string Time,
    [property: JsonPropertyName("x")] string Exchange,
    [property: JsonPropertyName("p")] decimal Price,
    [property: JsonPropertyName("s")] int Size,
    [property: JsonPropertyName("c")] string Condition);
