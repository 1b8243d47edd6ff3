using PositionManager.Alpaca.Tests.Support;

namespace PositionManager.Alpaca.Tests;

/// <summary>The options quote stream against the PaperBroker's real MessagePack websocket on loopback.</summary>
public sealed class QuoteStreamTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY250117P00450500";

    [Fact]
    public async Task Watched_symbols_are_subscribed_and_pushed_quotes_decode_with_their_timestamp()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var stream = RunningQuoteStream.Start(broker.Settings, [Call]);
        await stream.Sink.SubscribedToAsync(Call);

        broker.Clock.Advance(TimeSpan.FromSeconds(2));
        broker.Quote(Call, 4.80m, 5.20m);

        var quote = (await stream.Sink.NextAsync<QuoteSinkEvent.Quote>()).Value;
        Assert.Equal((Call, 4.80, 5.20, (double?)null), (quote.Symbol, quote.Bid, quote.Ask, quote.Last));
        Assert.Equal(TestBroker.Start.AddSeconds(2), quote.Time);
    }

    [Fact]
    public async Task A_new_watch_set_unsubscribes_and_subscribes_only_the_difference()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var stream = RunningQuoteStream.Start(broker.Settings, [Call]);
        await stream.Sink.SubscribedToAsync(Call);

        stream.Stream.Watch([Put]);
        await stream.Sink.SubscribedToAsync(Put);
        broker.Quote(Call, 4.80m, 5.20m);
        broker.Quote(Put, 1.00m, 1.10m);

        Assert.Equal(Put, (await stream.Sink.NextAsync<QuoteSinkEvent.Quote>()).Value.Symbol);
        Assert.Equal([Put], broker.Host.QuoteStreams.SubscribedQuotes);
    }

    [Fact]
    public async Task After_the_server_drops_the_connection_it_reconnects_and_subscribes_the_current_set_again()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var stream = RunningQuoteStream.Start(broker.Settings, [Call]);
        await stream.Sink.SubscribedToAsync(Call);

        await broker.ControlAsync(HttpMethod.Post, "_paper/stream/drop");

        await stream.Sink.NextAsync<QuoteSinkEvent.Disconnected>();
        await stream.Sink.SubscribedToAsync(Call);
        broker.Quote(Call, 4.70m, 5.10m);
        Assert.Equal(4.70, (await stream.Sink.NextAsync<QuoteSinkEvent.Quote>()).Value.Bid);
    }

    [Fact]
    public async Task Wrong_keys_are_reported_as_unauthorized_and_never_logged()
    {
        await using var broker = await TestBroker.StartAsync();
        var logs = new CapturingLogger();
        const string wrongSecret = "wrong-quote-secret-Hh7";
        await using var stream = RunningQuoteStream.Start(broker.SettingsWith("PKWRONGQUOTES1", wrongSecret), [Call], logs);

        var refused = await stream.Sink.NextAsync<QuoteSinkEvent.Disconnected>();
        await stream.StopAsync(); // returns although a long unauthorized backoff is pending

        Assert.StartsWith("unauthorized", refused.Reason);
        Assert.Contains("APCA_API_SECRET_KEY", logs.All);
        Assert.DoesNotContain(wrongSecret, logs.All + refused.Reason);
        Assert.DoesNotContain("PKWRONGQUOTES1", logs.All + refused.Reason);
    }

    [Fact]
    public async Task An_unreachable_stream_is_reported_down_and_retried()
    {
        var broker = await TestBroker.StartAsync();
        var settings = broker.Settings;
        await broker.DisposeAsync();
        await using var stream = RunningQuoteStream.Start(settings, [Call]);

        await stream.Sink.NextAsync<QuoteSinkEvent.Disconnected>();
        await stream.Sink.NextAsync<QuoteSinkEvent.Disconnected>(); // a second attempt after the backoff
    }
}
