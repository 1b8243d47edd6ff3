using System.Net.WebSockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
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

    private readonly StreamRunner _runner;
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
        _runner = new StreamRunner(settings, time, logger, options, QuoteStreamLog.Common);
        Url = OptionsStreamUrl.For(settings, feed);
        _handshake = new QuoteStreamHandshake(settings, Url, _runner.Options, time, _runner.Logger);
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
        await _runner.RunAsync((backoff, token) => RunConnectionAsync(sink, backoff, token), sink.OnDisconnected, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StreamSessionEnd> RunConnectionAsync(IQuoteSink sink, ExponentialBackoff backoff, CancellationToken cancellationToken)
    {
        using var invoker = new HttpMessageInvoker(new MsgPackUpgradeHandler());
        return await _runner.ConnectOnceAsync(
            backoff,
            (socket, reader, token) => _handshake.RunAsync(socket, invoker, reader, token),
            QuoteStreamHandshake.Steps,
            (socket, reader, token) => StreamAsync(socket, reader, sink, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Once authenticated: receives quotes while a second task keeps the subscription equal to the watched set.</summary>
    private async Task<StreamSessionEnd> StreamAsync(ClientWebSocket socket, WebSocketMessageReader reader, IQuoteSink sink, CancellationToken cancellationToken)
    {
        QuoteStreamLog.Connected(_runner.Logger, Url);
        _runner.Notify("OnSubscribed", () => sink.OnSubscribed(Nothing));
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
                        _runner.Notify("OnQuote", () => sink.OnQuote(quote.Value));
                        break;
                    case QuoteStreamMessage.Subscription subscription:
                        QuoteStreamLog.Subscribed(_runner.Logger, subscription.Quotes.Count);
                        _runner.Notify("OnSubscribed", () => sink.OnSubscribed(subscription.Quotes));
                        break;
                    case QuoteStreamMessage.Error error:
                        // E.g. 405 symbol limit: the connection goes on, the refused symbols stay polled.
                        QuoteStreamLog.ServerError(_runner.Logger, error.ToString());
                        break;
                    case QuoteStreamMessage.Malformed malformed:
                        QuoteStreamLog.Common.MalformedSkipped(_runner.Logger, malformed.Problem);
                        break;
                }
            }
        }

        return new StreamSessionEnd(StreamSessionEnd.ClosedBy(socket));
    }
}
