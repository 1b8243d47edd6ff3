using Akka.Actor;
using Akka.TestKit;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Actors.Tests.Support;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using Xunit.Abstractions;

namespace PositionManager.Actors.Tests.Prices;

/// <summary>The price feed between scripted market data and a probe standing in for the position region.</summary>
[Collection(PriceFeedMetricsCollection.Name)]
public sealed class PriceFeedTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TestConfig.Local(JournalTarget.SqliteFile(":memory:")), output: output)
{
    private const string Call = "GOOGL260220C00340000";
    private static readonly TimeSpan MaxQuoteAge = TimeSpan.FromSeconds(30);

    private readonly ScriptedMarketData _market = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Only_changed_sane_quotes_reach_the_position()
    {
        using var dropped = new CounterListener(PriceFeedMetrics.MeterName, "problem");
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(PriceSource.Bid));

        _market.Answer(Quote(4.90, 5.10));
        Assert.Equal(4.90, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        _market.Answer(Quote(4.90, 5.10));   // unchanged
        _market.Answer(Quote(5.60, 5.40));   // crossed
        _market.Answer(Quote(0, 0.10));      // zero bid: "no market", not "worth nothing"
        _market.Answer(Quote(4.95, 5.10));   // changed

        // Polls are answered in order, so anything the three before it had sent would come first.
        var next = region.ExpectMsg<PositionProtocol.PriceTick>();
        Assert.Equal((Call, 4.95), (next.PositionId, next.Quote.Bid));
        Assert.Equal(1, dropped.Total("pricefeed_quotes_dropped_total/Crossed"));
        Assert.Equal(1, dropped.Total("pricefeed_quotes_dropped_total/NonPositive"));
    }

    [Fact]
    public void A_symbol_whose_quotes_go_stale_is_reported_once_and_recovers()
    {
        using var counters = new CounterListener(PriceFeedMetrics.MeterName);
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(PriceSource.Bid));
        var old = Quote(4.90, 5.10);
        _market.Answer(old);
        region.ExpectMsg<PositionProtocol.PriceTick>();

        _clock.Advance(MaxQuoteAge + TimeSpan.FromSeconds(1));
        _market.Answer(old);
        _market.Answer(old);
        AwaitPolls(feed, 3);

        Assert.Equal([Call], Status(feed).StaleSymbols);
        Assert.Equal(1, counters.Total("pricefeed_stale_symbols_total"));
        Assert.Equal(2, counters.Total("pricefeed_quotes_dropped_total"));
        _market.Answer(Quote(4.80, 5.00));
        Assert.Equal(4.80, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        Assert.Empty(Status(feed).StaleSymbols);
    }

    [Fact]
    public void A_symbol_missing_from_every_answer_is_stale_after_the_maximum_quote_age()
    {
        var feed = StartFeed(CreateTestProbe());
        feed.Tell(Watch(PriceSource.Bid));
        _market.Answer();
        AwaitPolls(feed, 1);
        Assert.Empty(Status(feed).StaleSymbols);

        _clock.Advance(MaxQuoteAge + TimeSpan.FromSeconds(1));
        _market.Answer();
        AwaitPolls(feed, 2);

        Assert.Equal([Call], Status(feed).StaleSymbols);
    }

    [Fact]
    public void A_failed_poll_sends_nothing_and_the_next_answer_does()
    {
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(PriceSource.Bid));

        _market.Fail(new BrokerFailure.Malformed("latest quotes: GOOGL260220C00340000: bp is missing"));
        AwaitPolls(feed, 1);
        Assert.Contains("bp is missing", Status(feed).LastFailure);
        _market.Answer(Quote(4.90, 5.10));

        Assert.Equal(4.90, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        Assert.Null(Status(feed).LastFailure);
    }

    [Fact]
    public void A_position_watching_the_last_price_gets_the_latest_trade_in_its_quote()
    {
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(PriceSource.Last));

        _market.Answer(Quote(4.90, 5.10));
        _market.AnswerTrades(new OptionTrade(Call, 5.02, _clock.Now));

        Assert.Equal(5.02, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Last);
    }

    [Fact]
    public async Task A_started_feed_asks_the_reconciler_which_positions_to_price()
    {
        // A restarted or failed-over feed starts empty; the reconciler's journaled set refills it.
        var reconciler = CreateTestProbe();
        var feed = StartFeed(CreateTestProbe(), reconciler);

        reconciler.ExpectMsg<ReconcilerProtocol.GetWatched>();
        reconciler.Reply(Watch(PriceSource.Bid));

        Assert.Equal([Call], await _market.NextQuoteRequestAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, Status(feed).Positions);
    }

    private IActorRef StartFeed(TestProbe region, TestProbe? reconciler = null) =>
        Sys.ActorOf(PriceFeed.Props(
            _market,
            () => region.Ref,
            () => reconciler?.Ref,
            new PriceFeedSettings(TimeSpan.FromMilliseconds(20), MaxQuoteAge),
            _clock));

    private static PriceFeedProtocol.Watch Watch(PriceSource source) => new([new WatchedPosition(Call, Call, source)]);

    private MarketQuote Quote(double bid, double ask) => new(Call, bid, ask, null, _clock.Now);

    private PriceFeedProtocol.PriceFeedStatus Status(IActorRef feed)
    {
        feed.Tell(PriceFeedProtocol.GetFeedStatus.Instance);
        return ExpectMsg<PriceFeedProtocol.PriceFeedStatus>();
    }

    private void AwaitPolls(IActorRef feed, long polls) =>
        AwaitAssert(() => Assert.True(Status(feed).PollsCompleted >= polls), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(20));
}
