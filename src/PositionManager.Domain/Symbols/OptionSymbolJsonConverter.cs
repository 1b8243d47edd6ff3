using System.Text.Json;
using System.Text.Json.Serialization;

namespace PositionManager.Domain.Symbols;

/// <summary>An option symbol travels as its OCC text and is parsed, with all its checks, on the way in.</summary>
public sealed class OptionSymbolJsonConverter : JsonConverter<OptionSymbol>
{
    public override OptionSymbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return OptionSymbol.TryParse(text, out var symbol, out var reason)
            ? symbol
            : throw new JsonException($"'{text}' is not an OCC option symbol: {reason}");
    }

    public override void Write(Utf8JsonWriter writer, OptionSymbol value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
