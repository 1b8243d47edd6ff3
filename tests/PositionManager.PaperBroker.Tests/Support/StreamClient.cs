using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace PositionManager.PaperBroker.Tests.Support;

/// <summary>A trade-stream client for tests: every receive is bounded by a timeout, never a sleep.</summary>
internal sealed class StreamClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public WebSocketMessageType LastMessageType { get; private set; }

    public static async Task<StreamClient> ConnectAsync(Uri url)
    {
        var client = new StreamClient();
        using var cts = new CancellationTokenSource(Timeout);
        await client._socket.ConnectAsync(url, cts.Token);
        return client;
    }

    /// <summary>Connects, authenticates and listens to trade_updates, asserting both replies.</summary>
    public static async Task<StreamClient> ListeningAsync(Uri url)
    {
        var client = await ConnectAsync(url);
        await client.SendAsync($$"""{"action":"auth","key":"{{TestBroker.KeyId}}","secret":"{{TestBroker.Secret}}"}""");
        Assert.Equal("authorized", (await client.ReceiveAsync()).GetProperty("data").GetProperty("status").GetString());
        await client.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""");
        Assert.Equal("listening", (await client.ReceiveAsync()).GetProperty("stream").GetString());
        return client;
    }

    public async Task SendAsync(string json)
    {
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cts.Token);
    }

    public async Task<JsonElement> ReceiveAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new byte[64 * 1024];
        var count = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(count), cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException(WebSocketError.ConnectionClosedPrematurely, "closed by the server");
            }

            LastMessageType = result.MessageType;
            count += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(buffer.AsMemory(0, count)).RootElement.Clone();
            }
        }
    }

    /// <summary>Trade updates until one with the given event arrives.</summary>
    public async Task<JsonElement> ReceiveEventAsync(string @event)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            if (message.GetProperty("data").GetProperty("event").GetString() == @event)
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
