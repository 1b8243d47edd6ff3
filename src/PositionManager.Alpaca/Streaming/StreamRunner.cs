using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// What every Alpaca websocket stream does the same way around its own protocol: one connection after
/// another through <see cref="ReconnectLoop"/>, each ended by a reason rather than an exception, the
/// sink's bugs kept out of the stream, and every change of state logged before the sink hears of it.
/// </summary>
internal sealed class StreamRunner
{
    private readonly TimeProvider _time;
    private readonly StreamLog _log;

    /// <param name="settings">The keys, and what <see cref="AlpacaSettings.Scrub"/> keeps out of every reason.</param>
    /// <param name="time">The clock of the backoff.</param>
    /// <param name="logger">None by default.</param>
    /// <param name="options">Alpaca-friendly defaults; validated here, so a bad value stops the stream's construction.</param>
    /// <param name="log">The stream's own wording and event ids of the shared lines.</param>
    public StreamRunner(AlpacaSettings settings, TimeProvider time, ILogger? logger, StreamOptions? options, StreamLog log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Settings = settings;
        _time = time;
        Logger = logger ?? NullLogger.Instance;
        Options = options ?? new StreamOptions();
        Options.Validate();
        _log = log;
    }

    public AlpacaSettings Settings { get; }

    public ILogger Logger { get; }

    public StreamOptions Options { get; }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then completes (it does not throw for that).</summary>
    /// <param name="connectOnce">One connection to its end, e.g. through <see cref="ConnectOnceAsync"/>.</param>
    /// <param name="disconnected">The sink's OnDisconnected, told after every connection or failed attempt.</param>
    public async Task RunAsync(Func<ExponentialBackoff, CancellationToken, Task<StreamSessionEnd>> connectOnce, Action<string> disconnected, CancellationToken cancellationToken)
    {
        await ReconnectLoop.RunAsync(Options, _time, connectOnce, (end, delay) => Ended(disconnected, end, delay), cancellationToken).ConfigureAwait(false);
        _log.Stopped(Logger);
    }

    /// <summary>One connection, from a new socket to its end; whatever breaks it becomes the reason it ended.</summary>
    /// <param name="handshake">Connects and authenticates: null when the stream may start, otherwise why not.</param>
    /// <param name="handshakeSteps">What the handshake waits for, to name a timeout, e.g. "connecting or authenticating".</param>
    /// <param name="stream">Tells the sink the stream is up, then receives until the connection ends.</param>
    public async Task<StreamSessionEnd> ConnectOnceAsync(
        ExponentialBackoff backoff,
        Func<ClientWebSocket, WebSocketMessageReader, CancellationToken, Task<StreamSessionEnd?>> handshake,
        string handshakeSteps,
        Func<ClientWebSocket, WebSocketMessageReader, CancellationToken, Task<StreamSessionEnd>> stream,
        CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = Options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = Options.KeepAliveTimeout;
        var reader = new WebSocketMessageReader(socket, Options.MaxMessageBytes);
        try
        {
            if (await handshake(socket, reader, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            backoff.Reset();
            return await stream(socket, reader, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StreamSessionEnd.Stopped;
        }
        catch (OperationCanceledException)
        {
            return new StreamSessionEnd($"no answer within {Options.HandshakeTimeout} while {handshakeSteps}");
        }
        catch (Exception e)
        {
            // Whatever broke this connection, the stream lives on: the next attempt starts clean.
            return new StreamSessionEnd($"connection failed: {e.GetType().Name}: {Settings.Scrub(e.Message)}");
        }
    }

    /// <summary>Calls the sink, logging (not throwing) what it throws.</summary>
    public void Notify(string callback, Action notify) =>
        SinkGuard.Call(notify, e => _log.SinkFailed(Logger, callback, e));

    private void Ended(Action<string> disconnected, StreamSessionEnd end, TimeSpan? delay)
    {
        // Logged before the sink hears of it, so the log tells the story in the order it happened;
        // a stop (no delay) is logged once, after the loop.
        if (delay is { } wait && end.Unauthorized)
        {
            _log.Unauthorized(Logger, wait);
        }
        else if (delay is { } next)
        {
            _log.Disconnected(Logger, end.Reason, next);
        }

        Notify("OnDisconnected", () => disconnected(end.Reason));
    }
}
