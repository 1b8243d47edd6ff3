using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>Fills driven step by step on the manual clock: no sleeps, the same result every run.</summary>
public sealed class OrderLifecycleTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Sells_fill_at_the_bid_and_buys_at_the_ask()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var sell = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");
        var buy = await broker.SubmitAsync(Call, 1, "buy", "buy_to_open");

        Assert.Equal("4.80", (await broker.GetAsync($"v2/orders/{sell.Str("id")}")).Str("filled_avg_price"));
        var bought = await broker.GetAsync($"v2/orders/{buy.Str("id")}");
        Assert.Equal("5.20", bought.Str("filled_avg_price"));
        Assert.Equal("filled", bought.Str("status"));
        Assert.Equal("1", bought.Str("filled_qty"));
    }

    [Fact]
    public async Task Fill_delay_holds_the_order_new_until_time_passes()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Fills.FillDelay = TimeSpan.FromSeconds(2));
        var order = await broker.SubmitAsync("AAPL", 10, "buy");
        var path = $"v2/orders/{order.Str("id")}";

        broker.Host.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("new", (await broker.GetAsync(path)).Str("status"));

        broker.Host.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("filled", (await broker.GetAsync(path)).Str("status"));
    }

    [Fact]
    public async Task Partial_fills_step_through_partially_filled_to_filled()
    {
        await using var broker = await TestBroker.StartAsync(o =>
        {
            o.Fills.FillDelay = TimeSpan.FromSeconds(1);
            o.Fills.PartialFillQty = 2;
        });
        broker.Host.Account.SeedPosition(Call, 5, 5m);
        var order = await broker.SubmitAsync(Call, 5, "sell", "sell_to_close");
        var path = $"v2/orders/{order.Str("id")}";

        var states = new List<(string Status, string Filled, string Available)>();
        for (var step = 0; step < 3; step++)
        {
            broker.Host.Advance(TimeSpan.FromSeconds(1));
            var o = await broker.GetAsync(path);
            var position = await broker.GetAsync($"v2/positions/{Call}");
            states.Add((o.Str("status"), o.Str("filled_qty"), position.Status == System.Net.HttpStatusCode.OK ? position.Str("qty") : "flat"));
        }

        Assert.Equal([("partially_filled", "2", "3"), ("partially_filled", "4", "1"), ("filled", "5", "flat")], states);
    }

    [Fact]
    public async Task Limit_order_rests_until_the_scripted_quote_reaches_it()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetPath(Call, new Market.ScriptedQuotePath(TestBroker.Start,
        [
            new Market.ScriptedQuote(TimeSpan.Zero, 4.00m, 4.20m),
            new Market.ScriptedQuote(TimeSpan.FromSeconds(30), 6.00m, 6.20m),
        ]));
        broker.Host.Account.SeedPosition(Call, 1, 5m);
        var order = await broker.PostAsync("v2/orders", $$"""{"symbol":"{{Call}}","qty":"1","side":"sell","type":"limit","limit_price":"5.50","time_in_force":"day","position_intent":"sell_to_close"}""");
        var path = $"v2/orders/{order.Str("id")}";

        broker.Host.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("new", (await broker.GetAsync(path)).Str("status"));
        broker.Host.Advance(TimeSpan.FromSeconds(1));
        var filled = await broker.GetAsync(path);

        Assert.Equal("filled", filled.Str("status"));
        Assert.Equal("6.00", filled.Str("filled_avg_price"));
    }

    [Fact]
    public async Task Stop_order_triggers_when_the_bid_falls_to_the_stop()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetPath(Call, new Market.ScriptedQuotePath(TestBroker.Start,
        [
            new Market.ScriptedQuote(TimeSpan.Zero, 5.00m, 5.20m),
            new Market.ScriptedQuote(TimeSpan.FromSeconds(10), 3.90m, 4.10m),
        ]));
        broker.Host.Account.SeedPosition(Call, 1, 5m);
        var order = await broker.PostAsync("v2/orders", $$"""{"symbol":"{{Call}}","qty":"1","side":"sell","type":"stop","stop_price":"4.00","time_in_force":"day","position_intent":"sell_to_close"}""");
        var path = $"v2/orders/{order.Str("id")}";

        Assert.Equal("new", (await broker.GetAsync(path)).Str("status"));
        broker.Host.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal("3.90", (await broker.GetAsync(path)).Str("filled_avg_price"));
    }

    [Fact]
    public async Task Day_orders_expire_at_the_close_gtc_orders_stay()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote("AAPL", 100m, 100.10m);
        var day = await broker.PostAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"90","time_in_force":"day"}""");
        var gtc = await broker.PostAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"90","time_in_force":"gtc"}""");

        var expired = await broker.PostAsync("_paper/orders/expire", "{}");

        Assert.Equal(1, expired.Body.GetProperty("count").GetInt32());
        var dayAfter = await broker.GetAsync($"v2/orders/{day.Str("id")}");
        Assert.Equal("expired", dayAfter.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.String, dayAfter.Kind("expired_at"));
        Assert.Equal("new", (await broker.GetAsync($"v2/orders/{gtc.Str("id")}")).Str("status"));
    }
}
