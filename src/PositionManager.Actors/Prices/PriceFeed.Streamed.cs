using Akka.Event;
using static PositionManager.Actors.Prices.PriceFeedInternals;

namespace PositionManager.Actors.Prices;

/// <summary>
/// The quote stream's side of the feed: streamed quotes go through the same checks, staleness and
/// change filter as polled ones; while the stream serves a symbol its polling pauses, and when the
/// stream drops, polling of everything resumes at once (the stream reconnects by itself, with backoff).
/// </summary>
public sealed partial class PriceFeed
{
    private static readonly IReadOnlySet<string> NoSymbols = new HashSet<string>();

    private IReadOnlySet<string> _streamed = NoSymbols;
    private bool _streamUp;

    private void OnStreamSubscribed(StreamSubscribed subscribed)
    {
        if (!_streamUp)
        {
            _log.Info("Quote stream connected: streamed symbols are no longer polled while their quotes flow");
        }

        _streamUp = true;
        _streamed = subscribed.Symbols;
    }

    private void OnStreamDisconnected(StreamDisconnected disconnected)
    {
        if (_streamUp)
        {
            // One warning per outage; the stream logs each failed attempt itself.
            _log.Warning("Quote stream down ({Reason}): polling every symbol until it is back", disconnected.Reason);
        }

        PriceFeedMetrics.StreamDisconnects.Add(1);
        _streamUp = false;
        _streamed = NoSymbols;
        foreach (var feed in _symbols.Values)
        {
            feed.LastStreamedAt = null;
        }

        StartPoll();
    }

    private void OnStreamedQuote(StreamedQuote streamed)
    {
        // A symbol no longer watched, or one whose positions need the last trade (which the poll
        // adds to its quote), takes nothing from the stream.
        if (!_symbols.TryGetValue(streamed.Quote.Symbol, out var feed) || feed.WantsLastTrade)
        {
            return;
        }

        PriceFeedMetrics.QuotesStreamed.Add(1);
        var now = _clock.GetUtcNow();
        feed.LastStreamedAt = now;
        Apply(feed, feed.Observe(streamed.Quote, "", now, _settings), _positions());
    }

    /// <summary>Whether a poll should ask for this symbol now: not while the stream is serving it.</summary>
    private bool NeedsPolling(SymbolFeed feed, DateTimeOffset now) =>
        !_streamed.Contains(feed.Symbol) || feed.LastStreamedAt is not { } heard || now - heard >= _settings.StreamQuietAfter;

    /// <summary>The stream is told the symbols it may serve whenever the watched set changes.</summary>
    private void WatchOnStream() =>
        _quoteStream?.Watch([.. _symbols.Values.Where(s => !s.WantsLastTrade).Select(s => s.Symbol)]);

    private void StartStream()
    {
        if (_quoteStream is null)
        {
            return;
        }

        // Runs until the feed stops (PostStop cancels it); it reports through messages, never by throwing.
        _ = _quoteStream.RunAsync(new QuoteStreamToFeed(Self), _stopping.Token);
    }
}
