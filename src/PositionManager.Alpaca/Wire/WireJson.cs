using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PositionManager.Alpaca.Wire;

/// <summary>Reads one wire object; an unreadable body is a problem to report, never an exception to leak.</summary>
internal static class WireJson
{
    public static bool TryRead<T>(ReadOnlySpan<byte> body, JsonTypeInfo<T> type, out T? value, out string problem)
    {
        if (body.IsEmpty)
        {
            value = default;
            problem = "empty body";
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(body, type);
            problem = "";
            return true;
        }
        catch (JsonException e)
        {
            // The exception's message names the path and position, not the content.
            value = default;
            problem = $"unreadable JSON ({e.Message})";
            return false;
        }
    }
}
