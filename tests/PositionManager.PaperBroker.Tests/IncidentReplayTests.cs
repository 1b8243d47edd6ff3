using System.Net;
using System.Text.Json;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>
/// The predecessor's incident, replayed against the broker's faithful semantics. Eight long calls
/// were "closed": four by selling the underlying ticker (bug 1: each opens a short stock position
/// and leaves the call long), four by a sell without position_intent (bug 2) that the polling loop
/// sent again after losing its state: the first sell closes the long, the repeat finds no long and
/// opens a short call. Sent correctly (option symbol + sell_to_close), the same closes leave the
/// account flat, and the repeat is refused instead of opening anything.
/// </summary>
public sealed class IncidentReplayTests
{
    private static readonly (string Underlying, string Call)[] Longs =
    [
        ("GOOGL", "GOOGL260220C00340000"),
        ("AAPL", "AAPL260220C00250000"),
        ("MSFT", "MSFT260220C00500000"),
        ("NVDA", "NVDA260220C00190000"),
        ("AMZN", "AMZN260220C00240000"),
        ("META", "META260220C00700000"),
        ("TSLA", "TSLA260220C00450000"),
        ("NFLX", "NFLX260220C01200000"),
    ];

    [Fact]
    public async Task Predecessors_closes_leave_exactly_eight_unintended_shorts()
    {
        await using var broker = await StartWithEightLongCallsAsync();

        foreach (var (underlying, _) in Longs[..4])
        {
            Assert.Equal(HttpStatusCode.OK, (await broker.SubmitAsync(underlying, 1, "sell")).Status);
        }

        foreach (var (_, call) in Longs[4..])
        {
            Assert.Equal(HttpStatusCode.OK, (await broker.SubmitAsync(call, 1, "sell")).Status);
            Assert.Equal(HttpStatusCode.OK, (await broker.SubmitAsync(call, 1, "sell")).Status); // the repeat after lost state
        }

        var positions = (await broker.GetAsync("v2/positions")).Body.EnumerateArray().ToList();
        var shorts = positions.Where(p => p.GetProperty("side").GetString() == "short").ToList();
        Assert.Equal(8, shorts.Count);
        Assert.Equal(
            Longs[..4].Select(l => l.Underlying).Concat(Longs[4..].Select(l => l.Call)).Order(StringComparer.Ordinal),
            shorts.Select(Symbol).Order(StringComparer.Ordinal));
        Assert.All(shorts, s => Assert.Equal("-1", s.GetProperty("qty").GetString()));
        Assert.Equal(4, shorts.Count(s => s.GetProperty("asset_class").GetString() == "us_equity"));
        // The four calls "closed" through their tickers are still long.
        Assert.Equal(Longs[..4].Select(l => l.Call).Order(StringComparer.Ordinal),
            positions.Where(p => p.GetProperty("side").GetString() == "long").Select(Symbol).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_same_closes_sent_correctly_leave_the_account_flat()
    {
        await using var broker = await StartWithEightLongCallsAsync();

        foreach (var (underlying, call) in Longs)
        {
            Assert.Equal(HttpStatusCode.OK, (await broker.SubmitAsync(call, 1, "sell", "sell_to_close")).Status);

            // The repeat, and the ticker mistake, are refused instead of opening a short.
            var repeat = await broker.SubmitAsync(call, 1, "sell", "sell_to_close");
            JsonAssert.ErrorBody(repeat, 403, 40310000, "position intent mismatch. inferred sell to open");
            var ticker = await broker.SubmitAsync(underlying, 1, "sell", "sell_to_close");
            JsonAssert.ErrorBody(ticker, 403, 40310000, "position intent mismatch. inferred sell to open");
        }

        Assert.Empty((await broker.GetAsync("v2/positions")).Body.EnumerateArray());
        var filled = (await broker.GetAsync("v2/orders?status=closed&limit=500")).Body.EnumerateArray().ToList();
        Assert.Equal(8, filled.Count);
        Assert.All(filled, o => Assert.Equal("filled", o.GetProperty("status").GetString()));
    }

    private static async Task<TestBroker> StartWithEightLongCallsAsync()
    {
        var broker = await TestBroker.StartAsync();
        foreach (var (underlying, call) in Longs)
        {
            broker.Host.Account.SeedPosition(call, 1, 5m);
            broker.Host.Market.SetQuote(call, 5.00m, 5.20m);
            broker.Host.Market.SetQuote(underlying, 199.90m, 200.10m);
        }

        return broker;
    }

    private static string Symbol(JsonElement position) => position.GetProperty("symbol").GetString()!;
}
