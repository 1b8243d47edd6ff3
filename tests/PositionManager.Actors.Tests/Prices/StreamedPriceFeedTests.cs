using Akka.Actor;
using Akka.TestKit;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Tests.Support;
using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using Xunit.Abstractions;

namespace PositionManager.Actors.Tests.Prices;

/// <summary>The price feed with a quote stream: streamed quotes forwarded, polling paused while streamed and back when the stream drops.</summary>
[Collection(PriceFeedMetricsCollection.Name)]
public sealed class StreamedPriceFeedTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(TestConfig.Local(JournalTarget.SqliteFile(":memory:")), output: output)
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY250117P00450500";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ScriptedMarketData _market = new();
    private readonly ScriptedQuoteStream _stream = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 2, 2, 15, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Streamed_quotes_reach_the_position_and_polling_of_streamed_symbols_pauses()
    {
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(Call, Put));
        Assert.Equal([Call, Put], Sorted(await _market.NextQuoteRequestAsync(Patience)));
        var sink = await _stream.SinkAsync();

        sink.OnSubscribed(new HashSet<string> { Call });
        sink.OnQuote(Quote(Call, 4.90, 5.10));

        var tick = region.ExpectMsg<PositionProtocol.PriceTick>();
        Assert.Equal((Call, 4.90), (tick.PositionId, tick.Quote.Bid));
        Assert.Equal([Call, Put], Sorted(_stream.Watched));
        _market.Answer();
        Assert.Equal([Put], await _market.NextQuoteRequestAsync(Patience));
    }

    [Fact]
    public async Task When_the_stream_drops_polling_resumes_for_every_symbol_and_streaming_takes_over_again()
    {
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(Call, Put));
        await _market.NextQuoteRequestAsync(Patience);
        var sink = await _stream.SinkAsync();
        sink.OnSubscribed(new HashSet<string> { Call });
        sink.OnQuote(Quote(Call, 4.90, 5.10));
        region.ExpectMsg<PositionProtocol.PriceTick>();
        _market.Answer();
        Assert.Equal([Put], await _market.NextQuoteRequestAsync(Patience));

        sink.OnDisconnected("closed by the server");
        _market.Answer();

        Assert.Equal([Call, Put], Sorted(await _market.NextQuoteRequestAsync(Patience)));
        _market.Answer(Quote(Call, 4.95, 5.10));
        Assert.Equal(4.95, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);

        sink.OnSubscribed(new HashSet<string>());
        sink.OnSubscribed(new HashSet<string> { Call });
        sink.OnQuote(Quote(Call, 5.00, 5.20));
        Assert.Equal(5.00, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        Assert.True(await PollsReachAsync([Put]), "polling of the streamed symbol did not pause again");
    }

    [Fact]
    public async Task A_streamed_quote_failing_the_sanity_checks_is_dropped_and_counted()
    {
        using var dropped = new CounterListener(PriceFeedMetrics.MeterName, "problem");
        var region = CreateTestProbe();
        var feed = StartFeed(region);
        feed.Tell(Watch(Call));
        var sink = await _stream.SinkAsync();
        sink.OnSubscribed(new HashSet<string> { Call });

        sink.OnQuote(Quote(Call, 5.60, 5.40));   // crossed
        sink.OnQuote(Quote(Call, 4.90, 5.10));
        sink.OnQuote(Quote(Call, 4.90, 5.10));   // unchanged
        sink.OnQuote(Quote(Call, 4.85, 5.10));

        Assert.Equal(4.90, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        Assert.Equal(4.85, region.ExpectMsg<PositionProtocol.PriceTick>().Quote.Bid);
        Assert.Equal(1, dropped.Total("pricefeed_quotes_dropped_total/Crossed"));
    }

    /// <summary>Answers polls with nothing until one asks for exactly <paramref name="symbols"/> (a poll in flight may still ask for more).</summary>
    private async Task<bool> PollsReachAsync(string[] symbols)
    {
        for (var poll = 0; poll < 5; poll++)
        {
            _market.Answer();
            if (Sorted(await _market.NextQuoteRequestAsync(Patience)).SequenceEqual(symbols))
            {
                return true;
            }
        }

        return false;
    }

    private IActorRef StartFeed(TestProbe region) =>
        Sys.ActorOf(PriceFeed.Props(
            _market,
            () => region.Ref,
            () => null,
            new PriceFeedSettings(TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30)),
            _clock,
            _stream));

    private static PriceFeedProtocol.Watch Watch(params string[] symbols) =>
        new([.. symbols.Select(s => new WatchedPosition(s, s, PriceSource.Bid))]);

    private MarketQuote Quote(string symbol, double bid, double ask) => new(symbol, bid, ask, null, _clock.Now);

    private static string[] Sorted(IEnumerable<string> symbols) => [.. symbols.Order(StringComparer.Ordinal)];
}
