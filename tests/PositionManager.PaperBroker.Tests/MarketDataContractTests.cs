using System.Net;
using System.Text.Json;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class MarketDataContractTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY260117P00450500";

    [Fact]
    public async Task Latest_quotes_have_numeric_prices_keyed_by_symbol()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote(Call, 4.85m, 5.05m, 12, 7);

        var reply = await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call},{Put}&feed=indicative");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var quote = reply.Body.GetProperty("quotes").GetProperty(Call);
        JsonAssert.HasFields(quote, "t", "bx", "ax", "c");
        Assert.Equal(JsonValueKind.Number, quote.GetProperty("bp").ValueKind);
        Assert.Equal(4.85m, quote.GetProperty("bp").GetDecimal());
        Assert.Equal(5.05m, quote.GetProperty("ap").GetDecimal());
        Assert.Equal(12, quote.GetProperty("bs").GetInt32());
        Assert.Equal(7, quote.GetProperty("as").GetInt32());
        Assert.True(reply.Body.GetProperty("quotes").TryGetProperty(Put, out _));
    }

    [Fact]
    public async Task Latest_trades_have_price_size_and_time()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);

        var reply = await broker.GetAsync($"v1beta1/options/trades/latest?symbols={Call}");

        var trade = reply.Body.GetProperty("trades").GetProperty(Call);
        JsonAssert.HasFields(trade, "t", "x", "c");
        Assert.Equal(5.00m, trade.GetProperty("p").GetDecimal());
        Assert.Equal(JsonValueKind.Number, trade.GetProperty("s").ValueKind);
    }

    [Fact]
    public async Task Snapshots_carry_latest_quote_and_trade_and_a_page_token()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);

        var reply = await broker.GetAsync($"v1beta1/options/snapshots?symbols={Call}");

        var snapshot = reply.Body.GetProperty("snapshots").GetProperty(Call);
        Assert.Equal(4.80m, snapshot.GetProperty("latestQuote").GetProperty("bp").GetDecimal());
        Assert.Equal(5.00m, snapshot.GetProperty("latestTrade").GetProperty("p").GetDecimal());
        JsonAssert.IsNull(reply.Body, "next_page_token");
    }

    [Fact]
    public async Task Stock_tickers_are_left_out_and_missing_symbols_are_400()
    {
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.GetAsync("v1beta1/options/quotes/latest?symbols=GOOGL");

        Assert.Empty(reply.Body.GetProperty("quotes").EnumerateObject());
        JsonAssert.ErrorBody(await broker.GetAsync("v1beta1/options/quotes/latest"), 400, 40010001);
    }

    [Fact]
    public async Task Scripted_path_from_configuration_moves_with_the_clock()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Quotes.Add(new QuotePathSettings
        {
            Symbol = Call,
            Kind = "scripted",
            Points = [new() { AtSeconds = 0, Bid = 1.00m, Ask = 1.10m }, new() { AtSeconds = 60, Bid = 2.00m, Ask = 2.10m }],
        }));

        var before = await BidAsync(broker);
        broker.Host.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal((1.00m, 2.00m), (before, await BidAsync(broker)));
    }

    [Fact]
    public async Task Csv_replay_serves_the_recorded_quotes()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"quotes-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csv, ["time,bid,ask", "0,3.00,3.20", "5,3.40,3.60", "2026-11-24T15:00:10Z,3.10,3.30"]);
        try
        {
            await using var broker = await TestBroker.StartAsync(o => o.Quotes.Add(new QuotePathSettings { Symbol = Call, Kind = "csv", CsvPath = csv }));
            var bids = new List<decimal> { await BidAsync(broker) };
            broker.Host.Advance(TimeSpan.FromSeconds(5));
            bids.Add(await BidAsync(broker));
            broker.Host.Advance(TimeSpan.FromSeconds(5));
            bids.Add(await BidAsync(broker));

            Assert.Equal([3.00m, 3.40m, 3.10m], bids);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Random_walk_with_the_same_seed_gives_the_same_quotes()
    {
        var a = new RandomWalkQuotePath(7, TestBroker.Start, 5m, TimeSpan.FromSeconds(1), 0.02, 0.04m);
        var b = new RandomWalkQuotePath(7, TestBroker.Start, 5m, TimeSpan.FromSeconds(1), 0.02, 0.04m);

        var times = Enumerable.Range(0, 50).Select(i => TestBroker.Start.AddSeconds(i * 3)).ToList();
        var quotesA = times.Select(a.QuoteAt).ToList();
        var quotesB = times.AsEnumerable().Reverse().Select(b.QuoteAt).Reverse().ToList();

        Assert.Equal(quotesA, quotesB);
        Assert.True(quotesA.Select(q => q.Bid).Distinct().Count() > 10, "the walk should move");
        Assert.All(quotesA, q => Assert.True(q.Bid > 0 && q.Ask > q.Bid));
    }

    private static async Task<decimal> BidAsync(TestBroker broker) =>
        (await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call}")).Body.GetProperty("quotes").GetProperty(Call).GetProperty("bp").GetDecimal();
}
