using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>
/// Connect (MessagePack asked for on the upgrade), "connected", auth, "authenticated": the start of
/// every quote-stream connection, within one timeout so a silent server cannot hold it down forever.
/// </summary>
internal sealed class QuoteStreamHandshake(AlpacaSettings settings, Uri url, StreamOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>What the handshake waits for, as a timeout names it.</summary>
    public const string Steps = "connecting or authenticating";

    /// <returns>Null when authenticated; otherwise why not.</returns>
    /// <exception cref="OperationCanceledException">Cancelled, or the handshake timed out.</exception>
    public async Task<StreamSessionEnd?> RunAsync(ClientWebSocket socket, HttpMessageInvoker invoker, WebSocketMessageReader reader, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.HandshakeTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        await socket.ConnectAsync(url, invoker, token).ConfigureAwait(false);
        var greeting = await NextReplyAsync(reader, token).ConfigureAwait(false);
        if (greeting is not QuoteStreamMessage.Success { Message: "connected" })
        {
            return Unexpected(greeting, socket, "connected");
        }

        await socket.SendAsync(QuoteStreamRequests.Auth(settings), WebSocketMessageType.Binary, endOfMessage: true, token).ConfigureAwait(false);
        return await NextReplyAsync(reader, token).ConfigureAwait(false) switch
        {
            QuoteStreamMessage.Success { Message: "authenticated" } => null,
            QuoteStreamMessage.Error { Code: QuoteStreamMessage.Error.AuthFailed } =>
                new StreamSessionEnd("unauthorized: the quote stream refused the API keys", Unauthorized: true),
            var other => Unexpected(other, socket, "authenticated"),
        };
    }

    /// <summary>The next success or error; null when the server closed.</summary>
    private async Task<QuoteStreamMessage?> NextReplyAsync(WebSocketMessageReader reader, CancellationToken token)
    {
        while (await reader.ReceiveAsync(token).ConfigureAwait(false) is { } bytes)
        {
            foreach (var message in QuoteStreamParser.Parse(bytes))
            {
                switch (message)
                {
                    case QuoteStreamMessage.Malformed malformed:
                        QuoteStreamLog.Common.MalformedSkipped(logger, malformed.Problem);
                        break;
                    case QuoteStreamMessage.Success or QuoteStreamMessage.Error:
                        return message;
                }
            }
        }

        return null;
    }

    private static StreamSessionEnd Unexpected(QuoteStreamMessage? message, WebSocket socket, string expected) => message switch
    {
        null => new StreamSessionEnd($"{StreamSessionEnd.ClosedBy(socket)} before {expected}"),
        QuoteStreamMessage.Error error => new StreamSessionEnd($"{error} before {expected}"),
        QuoteStreamMessage.Success success => new StreamSessionEnd($"expected {expected}, got success '{success.Message}'"),
        _ => new StreamSessionEnd($"expected {expected}, got {message.GetType().Name.ToLowerInvariant()}"),
    };
}
