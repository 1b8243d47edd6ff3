using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>
/// The generated context with the options every answer uses: snake_case, numbers readable from
/// strings, and no \u0022-style escaping of quotes in messages (what clients log should read well).
/// </summary>
public static class PaperJson
{
    public static PaperJsonContext Context { get; } = new(Configure(new JsonSerializerOptions()));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        return options;
    }
}
