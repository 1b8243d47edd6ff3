using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>Reads whole websocket messages, text or binary alike: as bytes, or as JSON.</summary>
public static class StreamFrames
{
    private const int MaxMessageBytes = 64 * 1024;

    /// <summary>The next message, or null when the client closed the connection.</summary>
    public static async Task<JsonDocument?> ReceiveJsonAsync(WebSocket socket, CancellationToken ct)
    {
        if (await ReceiveAsync(socket, ct) is not { } message)
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(message);
        }
        catch (JsonException)
        {
            return JsonDocument.Parse("{}");
        }
    }

    /// <summary>The next message's bytes, or null when the client closed the connection.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReceiveAsync(WebSocket socket, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var result = await socket.ReceiveAsync(memory, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "message too large");
            }

            if (result.EndOfMessage)
            {
                return buffer.WrittenMemory;
            }
        }
    }

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
