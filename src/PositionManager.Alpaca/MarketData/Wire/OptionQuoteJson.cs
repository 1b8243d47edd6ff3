using System.Text.Json.Serialization;

namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary>
/// The fields of an options quote that we read. Nullable so that a missing one is named in a
/// Malformed failure instead of read as 0; prices are JSON numbers (a string is a surprise, and
/// fails the read).
/// </summary>
internal sealed record OptionQuoteJson
{
    [JsonPropertyName("t")]
    public DateTimeOffset? Time { get; init; }

    [JsonPropertyName("bp")]
    public double? BidPrice { get; init; }

    [JsonPropertyName("ap")]
    public double? AskPrice { get; init; }
}
