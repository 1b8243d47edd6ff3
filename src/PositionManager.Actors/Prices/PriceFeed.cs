using Akka.Actor;
using Akka.Event;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Reconciliation;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Prices.PriceFeedInternals;

namespace PositionManager.Actors.Prices;

/// <summary>
/// Polls the latest quotes of every open position's contract (a cluster singleton: Alpaca's request
/// budget is per account, so one poller serves the cluster) and sends each position a tick when its
/// quote changed. Quotes that fail the Domain's sanity checks go nowhere and are counted; a symbol
/// without a usable quote for longer than the maximum quote age is reported once.
/// With a quote stream, quotes of the symbols it serves arrive pushed and their polling pauses;
/// polling stays the fallback that always works.
/// The feed keeps no journal: which positions are open is the reconciler's (journaled) knowledge,
/// sent after every pass and asked for at start, so a restarted or failed-over feed is whole again
/// as soon as the reconciler answers.
/// </summary>
public sealed partial class PriceFeed : UntypedActor, IWithTimers
{
    public const string Name = "price-feed";

    private readonly IMarketData _marketData;
    private readonly IQuoteStream? _quoteStream;
    private readonly Func<IActorRef?> _positions;
    private readonly Func<IActorRef?> _reconciler;
    private readonly PriceFeedSettings _settings;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private Dictionary<string, SymbolFeed> _symbols = new(StringComparer.Ordinal);
    private int _positionCount;
    private bool _polling;
    private long _pollsCompleted;
    private int _failuresInARow;
    private DateTimeOffset? _lastPollAt;
    private string? _lastFailure;

    /// <param name="positions">The position shard region, looked up when ticks are sent.</param>
    /// <param name="reconciler">Where the set of open positions comes from; null when none runs.</param>
    /// <param name="quoteStream">Pushed quotes, run by the feed while it lives; null: polling only.</param>
    public PriceFeed(IMarketData marketData, Func<IActorRef?> positions, Func<IActorRef?> reconciler, PriceFeedSettings settings, TimeProvider clock, IQuoteStream? quoteStream = null)
    {
        _marketData = marketData;
        _quoteStream = quoteStream;
        _positions = positions;
        _reconciler = reconciler;
        _settings = settings;
        _clock = clock;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IMarketData marketData, Func<IActorRef?> positions, Func<IActorRef?> reconciler, PriceFeedSettings settings, TimeProvider clock, IQuoteStream? quoteStream = null) =>
        Akka.Actor.Props.Create(() => new PriceFeed(marketData, positions, reconciler, settings, clock, quoteStream));

    protected override void PreStart()
    {
        StartStream();
        Timers.StartPeriodicTimer("poll", Poll.Instance, _settings.PollInterval);
        _reconciler()?.Tell(ReconcilerProtocol.GetWatched.Instance);
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case PriceFeedProtocol.Watch watch:
                OnWatch(watch.Positions);
                break;
            case Poll:
                StartPoll();
                break;
            case Polled polled:
                OnPolled(polled);
                break;
            case StreamedQuote streamed:
                OnStreamedQuote(streamed);
                break;
            case StreamSubscribed subscribed:
                OnStreamSubscribed(subscribed);
                break;
            case StreamDisconnected disconnected:
                OnStreamDisconnected(disconnected);
                break;
            case PriceFeedProtocol.GetFeedStatus:
                Sender.Tell(new PriceFeedProtocol.PriceFeedStatus(
                    _positionCount,
                    [.. _symbols.Keys.Order(StringComparer.Ordinal)],
                    [.. _symbols.Values.Where(s => s.IsStale).Select(s => s.Symbol).Order(StringComparer.Ordinal)],
                    _pollsCompleted,
                    _lastPollAt,
                    _lastFailure));
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnWatch(IReadOnlyList<WatchedPosition> positions)
    {
        // Symbols still watched keep their memory (last forwarded quote, staleness), so a new set
        // re-sends nothing that did not change.
        var now = _clock.GetUtcNow();
        var next = new Dictionary<string, SymbolFeed>(StringComparer.Ordinal);
        foreach (var position in positions)
        {
            if (!next.TryGetValue(position.Symbol, out var feed))
            {
                feed = _symbols.GetValueOrDefault(position.Symbol) ?? new SymbolFeed(position.Symbol, now);
                feed.PositionIds.Clear();
                feed.WantsLastTrade = false;
                next[position.Symbol] = feed;
            }

            feed.PositionIds.Add(position.PositionId);
            feed.WantsLastTrade |= position.PriceSource == PriceSource.Last;
        }

        if (next.Count != _symbols.Count || next.Keys.Any(s => !_symbols.ContainsKey(s)))
        {
            _log.Info("Price feed watches {Positions} positions in {Symbols} contracts", positions.Count, next.Count);
        }

        _symbols = next;
        _positionCount = positions.Count;
        WatchOnStream();
    }

    private void StartPoll()
    {
        if (_polling)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var polled = _symbols.Values.Where(s => NeedsPolling(s, now)).ToArray();
        if (polled.Length == 0)
        {
            return;
        }

        _polling = true;
        var symbols = polled.Select(s => s.Symbol).ToArray();
        var tradeSymbols = polled.Where(s => s.WantsLastTrade).Select(s => s.Symbol).ToArray();
        FetchAsync(_marketData, symbols, tradeSymbols, _stopping.Token).PipeTo(
            Self,
            failure: error => new Polled(symbols, new BrokerFailure.Transient(error.Message), null));
    }

    private static async Task<Polled> FetchAsync(IMarketData marketData, string[] symbols, string[] tradeSymbols, CancellationToken cancellationToken)
    {
        var quotes = await marketData.GetLatestQuotesAsync(symbols, cancellationToken).ConfigureAwait(false);
        var trades = tradeSymbols.Length == 0 || !quotes.IsSuccess
            ? (BrokerResult<IReadOnlyDictionary<string, OptionTrade>>?)null
            : await marketData.GetLatestTradesAsync(tradeSymbols, cancellationToken).ConfigureAwait(false);
        return new Polled(symbols, quotes, trades);
    }
}
