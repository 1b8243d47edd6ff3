using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Wire;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// Connect, auth, listen: the start of every trade-stream connection, all within one timeout so a
/// server that accepts the socket and says nothing cannot hold the stream down forever.
/// </summary>
internal sealed class TradeStreamHandshake(AlpacaSettings settings, StreamOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>What the handshake waits for, as a timeout names it.</summary>
    public const string Steps = "connecting, authorizing or listening";

    /// <returns>Null when listening to trade_updates; otherwise why not.</returns>
    /// <exception cref="OperationCanceledException">Cancelled, or the handshake timed out.</exception>
    public async Task<StreamSessionEnd?> RunAsync(ClientWebSocket socket, WebSocketMessageReader reader, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        await socket.ConnectAsync(settings.StreamUrl, token).ConfigureAwait(false);

        var auth = JsonSerializer.SerializeToUtf8Bytes(new AuthRequestJson(settings.KeyId, settings.SecretKey), AlpacaJsonContext.Default.AuthRequestJson);
        await socket.SendAsync(auth, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        switch (await NextReplyAsync(reader, token).ConfigureAwait(false))
        {
            case StreamMessage.Authorization { Authorized: true }:
                break;
            case StreamMessage.Authorization:
                return new StreamSessionEnd("unauthorized: the stream refused the API keys", Unauthorized: true);
            case var other:
                return Unexpected(other, socket, "authorization");
        }

        var listen = JsonSerializer.SerializeToUtf8Bytes(ListenRequestJson.TradeUpdates, AlpacaJsonContext.Default.ListenRequestJson);
        await socket.SendAsync(listen, WebSocketMessageType.Text, endOfMessage: true, token).ConfigureAwait(false);
        return await NextReplyAsync(reader, token).ConfigureAwait(false) switch
        {
            StreamMessage.Listening listening when listening.Streams.Contains(TradeStreams.TradeUpdates) => null,
            StreamMessage.Listening => new StreamSessionEnd("listening, but not to trade_updates"),
            var other => Unexpected(other, socket, "listening"),
        };
    }

    /// <summary>The next authorization, listening or error message; null when the server closed.</summary>
    private async Task<StreamMessage?> NextReplyAsync(WebSocketMessageReader reader, CancellationToken token)
    {
        while (await reader.ReceiveAsync(token).ConfigureAwait(false) is { } bytes)
        {
            switch (StreamMessageParser.Parse(bytes.Span))
            {
                case StreamMessage.Malformed malformed:
                    TradeStreamLog.Common.MalformedSkipped(logger, malformed.Problem);
                    break;
                case var reply and (StreamMessage.Authorization or StreamMessage.Listening or StreamMessage.Error):
                    return reply;
            }
        }

        return null;
    }

    private static StreamSessionEnd Unexpected(StreamMessage? message, WebSocket socket, string expected) => message switch
    {
        null => new StreamSessionEnd($"{StreamSessionEnd.ClosedBy(socket)} before {expected}"),
        StreamMessage.Error error => new StreamSessionEnd($"stream error before {expected}: {error.Message}"),
        _ => new StreamSessionEnd($"expected {expected}, got {message.GetType().Name.ToLowerInvariant()}"),
    };
}
