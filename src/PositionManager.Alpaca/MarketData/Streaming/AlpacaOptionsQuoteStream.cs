using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>
/// Alpaca's options quote websocket (MessagePack only): connect, auth, subscribe the watched
/// symbols and follow every change of them with subscribe/unsubscribe deltas, hand each quote to
/// the sink, and reconnect with backoff whenever the connection ends, subscribing the whole current
/// set again, until cancelled. Quotes come decoded into the same <see cref="Domain.Quotes.MarketQuote"/>
/// as the REST path's, unchecked.
/// </summary>
public sealed class AlpacaOptionsQuoteStream : IQuoteStream
{
    /// <summary>Alpaca documents no limit on one subscribe message; batches keep each one small (an assumption).</summary>
    private const int SymbolsPerRequest = 100;

    private static readonly IReadOnlySet<string> Nothing = new HashSet<string>();

    private readonly AlpacaSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly StreamOptions _options;
    private readonly QuoteStreamHandshake _handshake;

    // One pending change is enough: the subscriber reads the whole watched set when it wakes.
    private readonly Channel<bool> _watchChanged = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private volatile IReadOnlySet<string> _watched = Nothing;

    /// <param name="settings">The data host (the stream's URL derives from it) and keys.</param>
    /// <param name="feed">indicative (free) or opra.</param>
    /// <param name="time">The clock of the backoff and handshake timeouts.</param>
    /// <param name="logger">Connection state and skipped messages (never keys); none by default.</param>
    /// <param name="options">Backoff and timeouts; Alpaca-friendly defaults.</param>
    public AlpacaOptionsQuoteStream(AlpacaSettings settings, OptionsFeed feed, TimeProvider time, ILogger? logger = null, StreamOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        _settings = settings;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _options = options ?? new StreamOptions();
        _options.Validate();
        Url = OptionsStreamUrl.For(settings, feed);
        _handshake = new QuoteStreamHandshake(settings, Url, _options, time, _logger);
    }

    public Uri Url { get; }

    public void Watch(IReadOnlyCollection<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        _watched = symbols.ToHashSet(StringComparer.Ordinal);
        _watchChanged.Writer.TryWrite(true);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then completes (it does not throw for that).</summary>
    public async Task RunAsync(IQuoteSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await ReconnectLoop.RunAsync(_options, _time, (backoff, token) => RunConnectionAsync(sink, backoff, token), (end, delay) => Ended(sink, end, delay), cancellationToken).ConfigureAwait(false);
        QuoteStreamLog.Stopped(_logger);
    }

    private void Ended(IQuoteSink sink, StreamSessionEnd end, TimeSpan? delay)
    {
        if (delay is { } wait && end.Unauthorized)
        {
            QuoteStreamLog.Unauthorized(_logger, wait);
        }
        else if (delay is { } next)
        {
            QuoteStreamLog.Disconnected(_logger, end.Reason, next);
        }

        Notify("OnDisconnected", () => sink.OnDisconnected(end.Reason));
    }

    private async Task<StreamSessionEnd> RunConnectionAsync(IQuoteSink sink, ExponentialBackoff backoff, CancellationToken cancellationToken)
    {
        using var invoker = new HttpMessageInvoker(new MsgPackUpgradeHandler());
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = _options.KeepAliveTimeout;
        var reader = new WebSocketMessageReader(socket, _options.MaxMessageBytes);
        try
        {
            if (await _handshake.RunAsync(socket, invoker, reader, cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            backoff.Reset();
            QuoteStreamLog.Connected(_logger, Url);
            Notify("OnSubscribed", () => sink.OnSubscribed(Nothing));
            return await StreamAsync(socket, reader, sink, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return StreamSessionEnd.Stopped;
        }
        catch (OperationCanceledException)
        {
            return new StreamSessionEnd($"no answer within {_options.HandshakeTimeout} while connecting or authenticating");
        }
        catch (Exception e)
        {
            // Whatever broke this connection, the stream lives on: the next attempt starts clean.
            return new StreamSessionEnd($"connection failed: {e.GetType().Name}: {_settings.Scrub(e.Message)}");
        }
    }

    /// <summary>Receives quotes while a second task keeps the subscription equal to the watched set.</summary>
    private async Task<StreamSessionEnd> StreamAsync(ClientWebSocket socket, WebSocketMessageReader reader, IQuoteSink sink, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var subscribing = FollowWatchedAsync(socket, stop.Token);
        var receiving = ReceiveAsync(socket, reader, sink, stop.Token);
        if (await Task.WhenAny(receiving, subscribing).ConfigureAwait(false) == subscribing)
        {
            // The subscriber ends only by failing (a send that broke) or by cancellation: either
            // way the connection is over, and the receive must not wait for the server.
            socket.Abort();
            await subscribing.ConfigureAwait(false);
        }

        await stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await subscribing.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped with its connection.
        }

        return await receiving.ConfigureAwait(false);
    }

    private async Task FollowWatchedAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        // Per connection: a new one starts with nothing subscribed, so the whole set is asked for again.
        var requested = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var watched = _watched;
            foreach (var batch in requested.Where(s => !watched.Contains(s)).Chunk(SymbolsPerRequest))
            {
                await SendAsync(socket, QuoteStreamRequests.Unsubscribe(batch), cancellationToken).ConfigureAwait(false);
            }

            foreach (var batch in watched.Where(s => !requested.Contains(s)).Chunk(SymbolsPerRequest))
            {
                await SendAsync(socket, QuoteStreamRequests.Subscribe(batch), cancellationToken).ConfigureAwait(false);
            }

            requested = new HashSet<string>(watched, StringComparer.Ordinal);
            await _watchChanged.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task SendAsync(WebSocket socket, byte[] message, CancellationToken cancellationToken) =>
        socket.SendAsync(message.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).AsTask();

    private async Task<StreamSessionEnd> ReceiveAsync(WebSocket socket, WebSocketMessageReader reader, IQuoteSink sink, CancellationToken cancellationToken)
    {
        while (await reader.ReceiveAsync(cancellationToken).ConfigureAwait(false) is { } bytes)
        {
            foreach (var message in QuoteStreamParser.Parse(bytes))
            {
                switch (message)
                {
                    case QuoteStreamMessage.Quote quote:
                        Notify("OnQuote", () => sink.OnQuote(quote.Value));
                        break;
                    case QuoteStreamMessage.Subscription subscription:
                        QuoteStreamLog.Subscribed(_logger, subscription.Quotes.Count);
                        Notify("OnSubscribed", () => sink.OnSubscribed(subscription.Quotes));
                        break;
                    case QuoteStreamMessage.Error error:
                        // E.g. 405 symbol limit: the connection goes on, the refused symbols stay polled.
                        QuoteStreamLog.ServerError(_logger, error.ToString());
                        break;
                    case QuoteStreamMessage.Malformed malformed:
                        QuoteStreamLog.MalformedSkipped(_logger, malformed.Problem);
                        break;
                }
            }
        }

        return new StreamSessionEnd(StreamSessionEnd.ClosedBy(socket));
    }

    private void Notify(string callback, Action notify) =>
        SinkGuard.Call(notify, e => QuoteStreamLog.SinkFailed(_logger, callback, e));
}
