using System.Net;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>Alpaca's dangerous defaults and its quantity rules, as the gateway must face them.</summary>
public sealed class PositionIntentTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Sell_without_intent_against_a_held_long_is_inferred_sell_to_close()
    {
        // docs/ALPACA.md marks this inference "likely" (third-party code and issue #250 only): we assume
        // a sell against a held long is inferred as sell_to_close and closes it.
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var reply = await broker.SubmitAsync(Call, 1, "sell");

        Assert.Equal("sell_to_close", reply.Str("position_intent"));
        JsonAssert.ErrorBody(await broker.GetAsync($"v2/positions/{Call}"), 404, 40410000);
    }

    [Fact]
    public async Task Option_sell_without_intent_and_without_a_long_opens_a_short()
    {
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.SubmitAsync(Call, 1, "sell");
        var position = await broker.GetAsync($"v2/positions/{Call}");

        Assert.Equal("sell_to_open", reply.Str("position_intent"));
        Assert.Equal("short", position.Str("side"));
        Assert.Equal("-1", position.Str("qty"));
    }

    [Fact]
    public async Task Option_sell_without_intent_against_a_short_extends_it()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, -1, 5m);

        await broker.SubmitAsync(Call, 2, "sell");

        Assert.Equal("-3", (await broker.GetAsync($"v2/positions/{Call}")).Str("qty"));
    }

    [Fact]
    public async Task Selling_an_unheld_stock_ticker_opens_a_short_stock_position()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        await broker.SubmitAsync("GOOGL", 1, "sell");
        var stock = await broker.GetAsync("v2/positions/GOOGL");

        Assert.Equal("us_equity", stock.Str("asset_class"));
        Assert.Equal("-1", stock.Str("qty"));
        Assert.Equal("1", (await broker.GetAsync($"v2/positions/{Call}")).Str("qty"));
    }

    [Fact]
    public async Task Selling_more_than_the_long_is_403_insufficient_qty()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var reply = await broker.SubmitAsync(Call, 2, "sell", "sell_to_close");

        JsonAssert.ErrorBody(reply, 403, 40310000, "insufficient qty available for order (requested: 2, available: 1)");
    }

    [Fact]
    public async Task Selling_more_than_the_long_without_intent_does_not_flip_through_zero()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var reply = await broker.SubmitAsync(Call, 2, "sell");

        JsonAssert.ErrorBody(reply, 403, 40310000, "insufficient qty available for order (requested: 2, available: 1)");
        Assert.Equal("1", (await broker.GetAsync($"v2/positions/{Call}")).Str("qty"));
    }

    [Fact]
    public async Task Qty_held_by_an_open_sell_order_is_not_available()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);
        broker.Host.Market.SetQuote(Call, 4.90m, 5.10m);
        await broker.PostAsync("v2/orders", $$"""{"symbol":"{{Call}}","qty":"1","side":"sell","type":"limit","limit_price":"50","time_in_force":"day","position_intent":"sell_to_close"}""");

        var second = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");
        var position = await broker.GetAsync($"v2/positions/{Call}");

        JsonAssert.ErrorBody(second, 403, 40310000, "insufficient qty available for order (requested: 1, available: 0)");
        Assert.Equal("0", position.Str("qty_available"));
    }

    [Fact]
    public async Task Sell_to_close_without_a_long_is_refused_as_an_intent_mismatch()
    {
        // Alpaca-API issue #250 quotes the message; that it comes with 403 is our assumption.
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");

        JsonAssert.ErrorBody(reply, 403, 40310000, "position intent mismatch. inferred sell to open");
        JsonAssert.ErrorBody(await broker.GetAsync($"v2/positions/{Call}"), 404, 40410000);
    }

    [Fact]
    public async Task Sell_to_open_against_a_held_long_is_refused_as_an_intent_mismatch()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var reply = await broker.SubmitAsync(Call, 1, "sell", "sell_to_open");

        JsonAssert.ErrorBody(reply, 403, 40310000, "position intent mismatch. inferred sell to close");
    }

    [Fact]
    public async Task Buy_to_close_covers_a_short_and_cannot_exceed_it()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, -2, 5m);

        var tooMany = await broker.SubmitAsync(Call, 3, "buy", "buy_to_close");
        var cover = await broker.SubmitAsync(Call, 2, "buy", "buy_to_close");

        JsonAssert.ErrorBody(tooMany, 403, 40310000, "insufficient qty available for order (requested: 3, available: 2)");
        Assert.Equal(HttpStatusCode.OK, cover.Status);
        Assert.Empty((await broker.GetAsync("v2/positions")).Body.EnumerateArray());
    }
}
