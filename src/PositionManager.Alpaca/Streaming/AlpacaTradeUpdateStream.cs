using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// Alpaca's trade-updates websocket: connect, auth, listen to trade_updates, hand every update to
/// the sink, and reconnect with exponential backoff whenever the connection ends, until cancelled.
/// Every connection that reached <see cref="ITradeUpdateSink.OnListening"/> (and every attempt that
/// failed) ends with <see cref="ITradeUpdateSink.OnDisconnected"/>: updates may have been missed
/// in between, so the sink's owner polls orders after each OnListening.
/// </summary>
public sealed class AlpacaTradeUpdateStream : ITradeUpdateSource
{
    private readonly StreamRunner _runner;
    private readonly TradeStreamHandshake _handshake;

    /// <param name="settings">The stream URL and keys.</param>
    /// <param name="time">The clock of the backoff and handshake timeouts.</param>
    /// <param name="logger">Connection state and skipped messages (never keys); none by default.</param>
    /// <param name="options">Backoff and timeouts; Alpaca-friendly defaults.</param>
    public AlpacaTradeUpdateStream(AlpacaSettings settings, TimeProvider time, ILogger? logger = null, StreamOptions? options = null)
    {
        _runner = new StreamRunner(settings, time, logger, options, TradeStreamLog.Common);
        _handshake = new TradeStreamHandshake(settings, _runner.Options, time, _runner.Logger);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then completes (it does not throw for that).</summary>
    public async Task RunAsync(ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await _runner.RunAsync(
            (backoff, token) => _runner.ConnectOnceAsync(backoff, _handshake.RunAsync, TradeStreamHandshake.Steps, (socket, reader, t) => ListenAsync(socket, reader, sink, t), token),
            sink.OnDisconnected,
            cancellationToken).ConfigureAwait(false);
    }

    private Task<StreamSessionEnd> ListenAsync(WebSocket socket, WebSocketMessageReader reader, ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        TradeStreamLog.Listening(_runner.Logger, _runner.Settings.StreamUrl);
        _runner.Notify("OnListening", sink.OnListening);
        return ReceiveUpdatesAsync(socket, reader, sink, cancellationToken);
    }

    private async Task<StreamSessionEnd> ReceiveUpdatesAsync(WebSocket socket, WebSocketMessageReader reader, ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        while (await reader.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            switch (StreamMessageParser.Parse(bytes.Span))
            {
                case StreamMessage.Update update:
                    _runner.Notify("OnUpdate", () => sink.OnUpdate(update.Value));
                    break;
                case StreamMessage.Malformed malformed:
                    // Skipped, never defaulted; the order is seen again on the next poll or update.
                    TradeStreamLog.Common.MalformedSkipped(_runner.Logger, malformed.Problem);
                    break;
                case StreamMessage.Error error:
                    return new StreamSessionEnd($"stream error: {error.Message}");
            }
        }

        return new StreamSessionEnd(StreamSessionEnd.ClosedBy(socket));
    }
}
