using System.Net.WebSockets;

namespace PositionManager.Alpaca.Streaming;

/// <summary>Why one connection of an Alpaca stream ended, and whether the keys were refused (a longer wait).</summary>
internal sealed record StreamSessionEnd(string Reason, bool Unauthorized = false)
{
    public static StreamSessionEnd Stopped { get; } = new("stopped");

    public static string ClosedBy(WebSocket socket) =>
        socket.CloseStatus is { } status
            ? $"closed by the server ({(int)status} {socket.CloseStatusDescription})"
            : "closed by the server";
}
