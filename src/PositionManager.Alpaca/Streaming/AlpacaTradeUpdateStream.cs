using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
    private readonly AlpacaSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StreamOptions _options;
    private readonly TradeStreamHandshake _handshake;

    /// <param name="settings">The stream URL and keys.</param>
    /// <param name="time">The clock of the backoff and handshake timeouts.</param>
    /// <param name="logger">Connection state and skipped messages (never keys); none by default.</param>
    /// <param name="options">Backoff and timeouts; Alpaca-friendly defaults.</param>
    public AlpacaTradeUpdateStream(AlpacaSettings settings, TimeProvider time, ILogger? logger = null, StreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _options = options ?? new StreamOptions();
        _options.Validate();
        _handshake = new TradeStreamHandshake(settings, _options, time, _logger);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then completes (it does not throw for that).</summary>
    public async Task RunAsync(ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await ReconnectLoop.RunAsync(_options, _time, (backoff, token) => RunConnectionAsync(sink, backoff, token), (end, delay) => Ended(sink, end, delay), cancellationToken).ConfigureAwait(false);
        TradeStreamLog.Stopped(_logger);
    }

    private void Ended(ITradeUpdateSink sink, StreamSessionEnd end, TimeSpan? delay)
    {
        // Logged before the sink hears of it, so the log tells the story in the order it happened;
        // a stop (no delay) is logged once, after the loop.
        if (delay is { } wait && end.Unauthorized)
        {
            TradeStreamLog.Unauthorized(_logger, wait);
        }
        else if (delay is { } next)
        {
            TradeStreamLog.Disconnected(_logger, end.Reason, next);
        }

        Notify("OnDisconnected", () => sink.OnDisconnected(end.Reason));
    }

    private async Task<StreamSessionEnd> RunConnectionAsync(ITradeUpdateSink sink, ExponentialBackoff backoff, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = _options.KeepAliveTimeout;
        var reader = new WebSocketMessageReader(socket, _options.MaxMessageBytes);
        try
        {
            if (await _handshake.RunAsync(socket, reader, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            backoff.Reset();
            TradeStreamLog.Listening(_logger, _settings.StreamUrl);
            Notify("OnListening", sink.OnListening);
            return await ReceiveUpdatesAsync(socket, reader, sink, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StreamSessionEnd.Stopped;
        }
        catch (OperationCanceledException)
        {
            return new StreamSessionEnd($"no answer within {_options.HandshakeTimeout} while connecting, authorizing or listening");
        }
        catch (Exception e)
        {
            // Whatever broke this connection, the stream lives on: the next attempt starts clean.
            return new StreamSessionEnd($"connection failed: {e.GetType().Name}: {_settings.Scrub(e.Message)}");
        }
    }

    private async Task<StreamSessionEnd> ReceiveUpdatesAsync(WebSocket socket, WebSocketMessageReader reader, ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        while (await reader.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            switch (StreamMessageParser.Parse(bytes.Span))
            {
                case StreamMessage.Update update:
                    Notify("OnUpdate", () => sink.OnUpdate(update.Value));
                    break;
                case StreamMessage.Malformed malformed:
                    // Skipped, never defaulted; the order is seen again on the next poll or update.
                    TradeStreamLog.MalformedSkipped(_logger, malformed.Problem);
                    break;
                case StreamMessage.Error error:
                    return new StreamSessionEnd($"stream error: {error.Message}");
            }
        }

        return new StreamSessionEnd(StreamSessionEnd.ClosedBy(socket));
    }

    private void Notify(string callback, Action notify) =>
        SinkGuard.Call(notify, e => TradeStreamLog.SinkFailed(_logger, callback, e));
}
