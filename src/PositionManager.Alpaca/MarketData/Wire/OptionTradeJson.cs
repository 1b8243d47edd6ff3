using System.Text.Json.Serialization;

namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary>The fields of an options trade that we read; see <see cref="OptionQuoteJson"/>.</summary>
internal sealed record OptionTradeJson
{
    [JsonPropertyName("t")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("p")]
    public double? Price { get; init; }
}
