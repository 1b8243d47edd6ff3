using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using MessagePack;

namespace PositionManager.PaperBroker.Tests.Support;

/// <summary>
/// An options data stream client for tests, MessagePack both ways; every receive is bounded by a
/// timeout, never a sleep. Server messages decode to plain values: maps, lists, strings, longs,
/// doubles, and <see cref="DateTime"/> for a Timestamp extension (type -1) and nothing else.
/// </summary>
internal sealed class MsgPackClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public static async Task<MsgPackClient> ConnectAsync(Uri url, bool asMsgPack = true)
    {
        var client = new MsgPackClient();
        using var cts = new CancellationTokenSource(Timeout);
        using var invoker = new HttpMessageInvoker(asMsgPack ? new MsgPackUpgrade(new SocketsHttpHandler()) : new SocketsHttpHandler());
        await client._socket.ConnectAsync(url, invoker, cts.Token);
        return client;
    }

    /// <summary>Connects, takes "connected", authenticates with the broker's keys and asserts "authenticated".</summary>
    public static async Task<MsgPackClient> AuthenticatedAsync(Uri url)
    {
        var client = await ConnectAsync(url);
        Assert.Equal("connected", (await client.ReceiveSingleAsync())["msg"]);
        await client.SendAsync(("action", "auth"), ("key", TestBroker.KeyId), ("secret", TestBroker.Secret));
        Assert.Equal("authenticated", (await client.ReceiveSingleAsync())["msg"]);
        return client;
    }

    public WebSocketState State => _socket.State;

    /// <summary>A map of strings and string arrays, as the stream's actions are.</summary>
    public async Task SendAsync(params (string Name, object Value)[] fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        writer.WriteMapHeader(fields.Length);
        foreach (var (name, value) in fields)
        {
            writer.Write(name);
            if (value is string text)
            {
                writer.Write(text);
                continue;
            }

            var list = (string[])value;
            writer.WriteArrayHeader(list.Length);
            foreach (var item in list)
            {
                writer.Write(item);
            }
        }

        writer.Flush();
        using var cts = new CancellationTokenSource(Timeout);
        await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Binary, true, cts.Token);
    }

    /// <summary>The next message, which must be a MessagePack array of maps.</summary>
    public async Task<IReadOnlyList<Dictionary<string, object?>>> ReceiveAsync()
    {
        var (type, bytes) = await ReceiveRawAsync();
        Assert.Equal(WebSocketMessageType.Binary, type);
        var reader = new MessagePackReader(bytes);
        var message = Assert.IsType<List<object?>>(ReadValue(ref reader));
        Assert.True(reader.End, "bytes after the message");
        return [.. message.Select(m => Assert.IsType<Dictionary<string, object?>>(m))];
    }

    public async Task<Dictionary<string, object?>> ReceiveSingleAsync() => Assert.Single(await ReceiveAsync());

    /// <summary>The next message as JSON text (only the refusal of a client that did not ask for MessagePack).</summary>
    public async Task<JsonElement> ReceiveJsonAsync()
    {
        var (type, bytes) = await ReceiveRawAsync();
        Assert.Equal(WebSocketMessageType.Text, type);
        return JsonDocument.Parse(Encoding.UTF8.GetString(bytes.Span)).RootElement.Clone();
    }

    /// <summary>True when the server closed (or aborted) the connection instead of sending anything more.</summary>
    public async Task<bool> ClosedAsync()
    {
        try
        {
            var (type, _) = await ReceiveRawAsync();
            return type == WebSocketMessageType.Close;
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    private async Task<(WebSocketMessageType Type, ReadOnlyMemory<byte> Bytes)> ReceiveRawAsync()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cts.Token);
            buffer.Advance(result.Count);
            if (result.EndOfMessage || result.MessageType == WebSocketMessageType.Close)
            {
                return (result.MessageType, buffer.WrittenMemory);
            }
        }
    }

    private static object? ReadValue(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                return reader.ReadInt64();
            case MessagePackType.Float:
                return reader.ReadDouble();
            case MessagePackType.String:
                return reader.ReadString();
            case MessagePackType.Array:
                var list = new List<object?>();
                for (var n = reader.ReadArrayHeader(); n > 0; n--)
                {
                    list.Add(ReadValue(ref reader));
                }

                return list;
            case MessagePackType.Map:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var n = reader.ReadMapHeader(); n > 0; n--)
                {
                    var key = reader.ReadString()!;
                    map[key] = ReadValue(ref reader);
                }

                return map;
            case MessagePackType.Extension:
                var peek = reader.CreatePeekReader();
                Assert.Equal(ReservedMessagePackExtensionTypeCode.DateTime, peek.ReadExtensionFormatHeader().TypeCode);
                return reader.ReadDateTime();
            default:
                throw new InvalidDataException($"unexpected MessagePack type {reader.NextMessagePackType}");
        }
    }

    /// <summary>
    /// ClientWebSocket drops a Content-Type set as a request header (it is a content header), so
    /// the upgrade request carries it on an empty content, as a browser-less client must.
    /// </summary>
    private sealed class MsgPackUpgrade(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Content = new ByteArrayContent([]);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/msgpack");
            return base.SendAsync(request, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        _socket.Dispose();
        await Task.CompletedTask;
    }
}
