using System.Globalization;
using System.Net;
using System.Web;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Tests;

/// <summary>Latest options quotes and trades over HTTP from the PaperBroker's copy of Alpaca's data API.</summary>
public sealed class MarketDataTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY260220P00450500";

    [Fact]
    public async Task Latest_quotes_are_read_as_the_broker_sent_them()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Quote(Call, 4.85m, 5.05m);
        broker.Quote(Put, 1.10m, 1.20m);

        var quotes = await MarketData(broker).GetLatestQuotesAsync([Call, Put], CancellationToken.None);

        Assert.True(quotes.IsSuccess, quotes.Failure?.Message);
        var call = quotes.Value![Call];
        Assert.Equal((Call, 4.85, 5.05, (double?)null, TestBroker.Start), (call.Symbol, call.Bid, call.Ask, call.Last, call.Time));
        Assert.Equal((1.10, 1.20), (quotes.Value[Put].Bid, quotes.Value[Put].Ask));
    }

    [Fact]
    public async Task More_than_100_symbols_are_asked_in_batches_of_at_most_100()
    {
        // Alpaca answers a request for more than 100 symbols with 400, as the PaperBroker does.
        await using var broker = await TestBroker.StartAsync();
        var symbols = Enumerable.Range(1, 250)
            .Select(i => OptionSymbol.Create("SPY", new DateOnly(2026, 12, 18), OptionRight.Call, 300m + i).Value)
            .ToList();
        var recorder = new RecordingHandler();

        var quotes = await MarketData(broker, recorder).GetLatestQuotesAsync(symbols, CancellationToken.None);

        Assert.True(quotes.IsSuccess, quotes.Failure?.Message);
        Assert.Equal(symbols.Order(), quotes.Value!.Keys.Order());
        var asked = recorder.Requests.Select(r => HttpUtility.ParseQueryString(r.Query)["symbols"]!.Split(',')).ToList();
        Assert.Equal(3, asked.Count);
        Assert.All(asked, batch => Assert.InRange(batch.Length, 1, AlpacaMarketData.MaxSymbolsPerRequest));
        Assert.Equal(symbols.Order(), asked.SelectMany(batch => batch).Order());
    }

    [Fact]
    public async Task Latest_trades_give_each_symbol_its_last_price()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Quote(Call, 4.80m, 5.20m);

        var trades = await MarketData(broker).GetLatestTradesAsync([Call], CancellationToken.None);

        Assert.True(trades.IsSuccess, trades.Failure?.Message);
        Assert.Equal(new OptionTrade(Call, 5.00, TestBroker.Start), trades.Value![Call]);
    }

    [Theory]
    [InlineData(OptionsFeed.Indicative, "indicative")]
    [InlineData(OptionsFeed.Opra, "opra")]
    public async Task Every_request_names_the_configured_feed(OptionsFeed feed, string wire)
    {
        await using var broker = await TestBroker.StartAsync();
        var recorder = new RecordingHandler();

        await MarketData(broker, recorder, feed).GetLatestQuotesAsync([Call], CancellationToken.None);
        await MarketData(broker, recorder, feed).GetLatestTradesAsync([Call], CancellationToken.None);

        Assert.Equal(2, recorder.Requests.Count);
        Assert.All(recorder.Requests, r => Assert.Equal(wire, HttpUtility.ParseQueryString(r.Query)["feed"]));
    }

    [Fact]
    public async Task Refused_keys_are_unauthorized_and_the_secret_stays_out_of_the_failure()
    {
        await using var broker = await TestBroker.StartAsync();
        var wrong = broker.SettingsWith("PKWRONGKEY", "wrong-secret-value");

        var quotes = await new AlpacaMarketData(new HttpClient(), wrong, TimeProvider.System).GetLatestQuotesAsync([Call], CancellationToken.None);

        var failure = Assert.IsType<BrokerFailure.Unauthorized>(quotes.Failure);
        Assert.DoesNotContain("wrong-secret-value", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_symbols_ask_nothing()
    {
        await using var broker = await TestBroker.StartAsync();
        var recorder = new RecordingHandler();

        var quotes = await MarketData(broker, recorder).GetLatestQuotesAsync([], CancellationToken.None);

        Assert.True(quotes.IsSuccess);
        Assert.Empty(quotes.Value!);
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task A_stock_ticker_is_a_callers_bug_not_a_request()
    {
        var client = new AlpacaMarketData(new HttpClient(new StubHandler(HttpStatusCode.OK, "{}")), StubSettings, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetLatestQuotesAsync(["GOOGL"], CancellationToken.None));
    }

    public static TheoryData<string, string> MalformedQuotes => new()
    {
        { "not JSON", "<html>Bad Gateway</html>" },
        { "empty body", "" },
        { "no quotes object", """{"trades":{}}""" },
        { "quotes is null", """{"quotes":null}""" },
        { "a null quote", QuotesOf("""null""") },
        { "no bid", QuotesOf("""{"t":"2026-11-24T15:00:00.123456789Z","ap":5.05}""") },
        { "no ask", QuotesOf("""{"t":"2026-11-24T15:00:00Z","bp":4.85}""") },
        { "no time", QuotesOf("""{"bp":4.85,"ap":5.05}""") },
        { "price as a string", QuotesOf("""{"t":"2026-11-24T15:00:00Z","bp":"4.85","ap":5.05}""") },
        { "unreadable time", QuotesOf("""{"t":"yesterday","bp":4.85,"ap":5.05}""") },
        { "a symbol not asked for", """{"quotes":{"AAPL260220C00250000":{"t":"2026-11-24T15:00:00Z","bp":1.0,"ap":1.1}}}""" },
    };

    [Theory]
    [MemberData(nameof(MalformedQuotes))]
    public async Task An_answer_that_cannot_be_fully_read_is_malformed_never_a_default(string problem, string body)
    {
        var client = new AlpacaMarketData(new HttpClient(new StubHandler(HttpStatusCode.OK, body)), StubSettings, TimeProvider.System);

        var quotes = await client.GetLatestQuotesAsync([Call], CancellationToken.None);

        Assert.True(quotes.Failure is BrokerFailure.Malformed, $"{problem}: {quotes.Failure?.ToString() ?? "success"}");
    }

    [Fact]
    public async Task A_zero_bid_is_a_value_for_the_sanity_checks_not_a_malformed_answer()
    {
        // Alpaca sends 0 when there is no bid; QuoteSanity, not the client, decides it moves nothing.
        var body = QuotesOf("""{"t":"2026-11-24T15:00:00.123456789Z","bp":0,"ap":0.05}""");
        var client = new AlpacaMarketData(new HttpClient(new StubHandler(HttpStatusCode.OK, body)), StubSettings, TimeProvider.System);

        var quotes = await client.GetLatestQuotesAsync([Call], CancellationToken.None);

        Assert.True(quotes.IsSuccess, quotes.Failure?.Message);
        Assert.Equal((0.0, 0.05), (quotes.Value![Call].Bid, quotes.Value[Call].Ask));
        Assert.Equal(DateTimeOffset.Parse("2026-11-24T15:00:00.1234567Z", CultureInfo.InvariantCulture), quotes.Value[Call].Time);
    }

    [Fact]
    public async Task A_malformed_trade_answer_is_malformed()
    {
        var body = TradesOf("""{"t":"2026-11-24T15:00:00Z"}""");
        var client = new AlpacaMarketData(new HttpClient(new StubHandler(HttpStatusCode.OK, body)), StubSettings, TimeProvider.System);

        Assert.IsType<BrokerFailure.Malformed>((await client.GetLatestTradesAsync([Call], CancellationToken.None)).Failure);
    }

    private static string QuotesOf(string entry) => "{\"quotes\":{\"" + Call + "\":" + entry + "}}";

    private static string TradesOf(string entry) => "{\"trades\":{\"" + Call + "\":" + entry + "}}";

    private static readonly AlpacaSettings StubSettings = new("PKSTUBKEY", "stub-secret", new Uri("http://127.0.0.1:9/"), new Uri("http://127.0.0.1:9/"));

    private static AlpacaMarketData MarketData(TestBroker broker, HttpMessageHandler? handler = null, OptionsFeed feed = OptionsFeed.Indicative) =>
        new(handler is null ? new HttpClient() : new HttpClient(handler), broker.Settings, TimeProvider.System, feed: feed);
}
