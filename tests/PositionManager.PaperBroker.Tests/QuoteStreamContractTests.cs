using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>The options market data websocket, MessagePack both ways, over real loopback websockets.</summary>
public sealed class QuoteStreamContractTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY250117P00450500";

    [Fact]
    public async Task An_upgrade_without_the_msgpack_content_type_is_refused_with_412()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.ConnectAsync(broker.Host.QuoteStreamUrl(), asMsgPack: false);

        var refusal = (await client.ReceiveJsonAsync())[0];

        Assert.Equal(("error", 412), (refusal.GetProperty("T").GetString(), refusal.GetProperty("code").GetInt32()));
        Assert.True(await client.ClosedAsync());
    }

    [Theory]
    [InlineData("indicative")]
    [InlineData("opra")]
    public async Task Both_feeds_greet_and_authenticate_with_the_brokers_keys(string feed)
    {
        await using var broker = await TestBroker.StartAsync();

        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl(feed));

        Assert.Equal(System.Net.WebSockets.WebSocketState.Open, client.State);
    }

    [Fact]
    public async Task Wrong_keys_get_error_402_and_the_connection_closes()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.ConnectAsync(broker.Host.QuoteStreamUrl());
        await client.ReceiveSingleAsync();

        await client.SendAsync(("action", "auth"), ("key", "nope"), ("secret", "nope"));

        var error = await client.ReceiveSingleAsync();
        Assert.Equal(("error", 402L), (error["T"], error["code"]));
        Assert.True(await client.ClosedAsync());
    }

    [Fact]
    public async Task A_subscribe_before_auth_gets_error_401()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.ConnectAsync(broker.Host.QuoteStreamUrl());
        await client.ReceiveSingleAsync();

        await client.SendAsync(("action", "subscribe"), ("quotes", new[] { Call }));

        Assert.Equal(401L, (await client.ReceiveSingleAsync())["code"]);
    }

    [Fact]
    public async Task Subscribe_and_unsubscribe_answer_the_whole_subscription()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl());

        await client.SendAsync(("action", "subscribe"), ("quotes", new[] { Call, Put }), ("trades", new[] { Call }));
        var subscribed = await client.ReceiveSingleAsync();
        await client.SendAsync(("action", "unsubscribe"), ("quotes", new[] { Put }));
        var unsubscribed = await client.ReceiveSingleAsync();

        Assert.Equal("subscription", subscribed["T"]);
        Assert.Equal([Call, Put], ((List<object?>)subscribed["quotes"]!).Cast<string>().Order(StringComparer.Ordinal));
        Assert.Equal([Call], (List<object?>)subscribed["trades"]!);
        Assert.Equal([Call], (List<object?>)unsubscribed["quotes"]!);
    }

    [Fact]
    public async Task A_star_subscription_to_quotes_is_refused_with_413()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl());

        await client.SendAsync(("action", "subscribe"), ("quotes", new[] { "*" }));

        Assert.Equal(413L, (await client.ReceiveSingleAsync())["code"]);
        Assert.Empty(broker.Host.QuoteStreams.SubscribedQuotes);
    }

    [Fact]
    public async Task A_changed_quote_of_a_subscribed_symbol_is_pushed_with_a_timestamp_extension()
    {
        await using var broker = await TestBroker.StartAsync();
        // A fixed quote first: on its default random walk the call would move when the clock
        // does, and a wake racing the advance would push that move before the one under test.
        broker.Host.Market.SetQuote(Call, 4.70m, 5.30m);
        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl());
        await client.SendAsync(("action", "subscribe"), ("quotes", new[] { Call }));
        await client.ReceiveSingleAsync();

        broker.Host.Market.SetQuote(Put, 1.00m, 1.10m);   // not subscribed: never sent
        broker.Host.Advance(TimeSpan.FromSeconds(3));
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m, bidSize: 7, askSize: 9);

        var quote = await client.ReceiveSingleAsync();
        Assert.Equal(("q", Call), (quote["T"], quote["S"]));
        Assert.Equal((4.80, 5.20, 7L, 9L), (quote["bp"], quote["ap"], quote["bs"], quote["as"]));
        var time = Assert.IsType<DateTime>(quote["t"]);
        Assert.Equal(TestBroker.Start.AddSeconds(3).UtcDateTime, time);
        Assert.Equal(DateTimeKind.Utc, time.Kind);
    }

    [Fact]
    public async Task Only_changes_are_pushed_and_a_trade_subscription_gets_the_trade_at_the_mid()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);
        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl());
        await client.SendAsync(("action", "subscribe"), ("quotes", new[] { Call }), ("trades", new[] { Call }));
        await client.ReceiveSingleAsync();

        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);   // the same prices, set again at the same time: no change
        broker.Host.Advance(TimeSpan.FromSeconds(1));      // a fixed quote does not move with time
        broker.Host.Market.SetQuote(Call, 4.90m, 5.10m);

        var pushed = await client.ReceiveAsync();
        Assert.Equal(["q", "t"], pushed.Select(m => m["T"]));
        Assert.Equal(4.90, pushed[0]["bp"]);
        Assert.Equal((Call, 5.00, 1L), (pushed[1]["S"], pushed[1]["p"], pushed[1]["s"]));
    }

    [Fact]
    public async Task Dropping_the_streams_aborts_the_quote_stream_too()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await MsgPackClient.AuthenticatedAsync(broker.Host.QuoteStreamUrl());

        var dropped = await broker.PostAsync("_paper/stream/drop", "{}");

        Assert.True(dropped.Status is System.Net.HttpStatusCode.OK, dropped.Raw);
        Assert.True(await client.ClosedAsync());
    }
}
