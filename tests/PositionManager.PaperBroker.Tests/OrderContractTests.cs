using System.Net;
using System.Text.Json;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class OrderContractTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Submitted_order_has_alpacas_shape_with_string_decimals()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 2, 5m);

        var reply = await broker.PostAsync("v2/orders",
            $$"""{"symbol":"{{Call}}","qty":2,"side":"sell","type":"limit","limit_price":"99.5","time_in_force":"day","client_order_id":"exit-1","position_intent":"sell_to_close"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var o = reply.Body;
        JsonAssert.HasFields(o, "id", "created_at", "updated_at", "submitted_at", "asset_id", "order_type", "extended_hours");
        Assert.True(Guid.TryParse(reply.Str("id"), out _));
        Assert.Equal("exit-1", reply.Str("client_order_id"));
        Assert.Equal(Call, reply.Str("symbol"));
        Assert.Equal("us_option", reply.Str("asset_class"));
        Assert.Equal("2", reply.Str("qty"));
        Assert.Equal("0", reply.Str("filled_qty"));
        Assert.Equal("99.50", reply.Str("limit_price"));
        Assert.Equal("limit", reply.Str("type"));
        Assert.Equal("sell", reply.Str("side"));
        Assert.Equal("sell_to_close", reply.Str("position_intent"));
        Assert.Equal("day", reply.Str("time_in_force"));
        Assert.Equal("new", reply.Str("status"));
        Assert.Equal("", reply.Str("order_class"));
        JsonAssert.IsNull(o, "legs");
        JsonAssert.IsNull(o, "filled_at");
        JsonAssert.IsNull(o, "filled_avg_price");
        JsonAssert.IsNull(o, "stop_price");
    }

    [Fact]
    public async Task Order_is_found_by_id_and_by_client_order_id()
    {
        await using var broker = await TestBroker.StartAsync();
        var submitted = await broker.SubmitAsync("AAPL", 5, "buy", clientOrderId: "pm-find-me");

        var byId = await broker.GetAsync($"v2/orders/{submitted.Str("id")}");
        var byClientId = await broker.GetAsync("v2/orders:by_client_order_id?client_order_id=pm-find-me");

        Assert.Equal(HttpStatusCode.OK, byId.Status);
        Assert.Equal("pm-find-me", byId.Str("client_order_id"));
        Assert.Equal(submitted.Str("id"), byClientId.Str("id"));
        Assert.Equal("filled", byClientId.Str("status"));
    }

    [Fact]
    public async Task Unknown_order_is_404_by_id_and_by_client_order_id()
    {
        await using var broker = await TestBroker.StartAsync();

        JsonAssert.ErrorBody(await broker.GetAsync($"v2/orders/{Guid.NewGuid()}"), 404, 40410000);
        JsonAssert.ErrorBody(await broker.GetAsync("v2/orders:by_client_order_id?client_order_id=never-sent"), 404, 40410000);
    }

    [Fact]
    public async Task Orders_list_filters_by_status_newest_first_and_honours_limit()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote("AAPL", 100m, 100.10m);
        await broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "filled-1");
        await broker.PostAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"90","time_in_force":"gtc","client_order_id":"resting-1"}""");
        await broker.PostAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"91","time_in_force":"gtc","client_order_id":"resting-2"}""");

        var open = await broker.GetAsync("v2/orders");
        var closed = await broker.GetAsync("v2/orders?status=closed");
        var all = await broker.GetAsync("v2/orders?status=all&limit=2");

        Assert.Equal(["resting-2", "resting-1"], Ids(open.Body));
        Assert.Equal(["filled-1"], Ids(closed.Body));
        Assert.Equal(["resting-2", "resting-1"], Ids(all.Body));
    }

    [Fact]
    public async Task Cancel_answers_204_and_the_order_becomes_canceled()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote("AAPL", 100m, 100.10m);
        var resting = await broker.PostAsync("v2/orders", """{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"90","time_in_force":"day"}""");

        var cancel = await broker.DeleteAsync($"v2/orders/{resting.Str("id")}");
        var after = await broker.GetAsync($"v2/orders/{resting.Str("id")}");

        Assert.Equal(HttpStatusCode.NoContent, cancel.Status);
        Assert.Equal("canceled", after.Str("status"));
        Assert.Equal(JsonValueKind.String, after.Kind("canceled_at"));
    }

    [Fact]
    public async Task Cancel_of_a_filled_order_is_422_and_of_an_unknown_one_404()
    {
        await using var broker = await TestBroker.StartAsync();
        var filled = await broker.SubmitAsync("AAPL", 1, "buy");

        JsonAssert.ErrorBody(await broker.DeleteAsync($"v2/orders/{filled.Str("id")}"), 422, 42210000);
        JsonAssert.ErrorBody(await broker.DeleteAsync($"v2/orders/{Guid.NewGuid()}"), 404, 40410000);
    }

    [Fact]
    public async Task Duplicate_client_order_id_is_422()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "same-id");

        var second = await broker.SubmitAsync("AAPL", 1, "buy", clientOrderId: "same-id");

        JsonAssert.ErrorBody(second, 422, 40010001, "client_order_id must be unique");
    }

    [Fact]
    public async Task Empty_position_intent_is_422_40010001()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 1, 5m);

        var reply = await broker.SubmitAsync(Call, 1, "sell", intent: "");

        JsonAssert.ErrorBody(reply, 422, 40010001);
        Assert.Empty((await broker.GetAsync("v2/orders?status=all")).Body.EnumerateArray());
    }

    [Theory]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1.5","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","notional":"100","side":"buy","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"buy","type":"market","time_in_force":"ioc"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"buy","type":"market","time_in_force":"day","extended_hours":true}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"sell","type":"trailing_stop","trail_percent":"5","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"buy","type":"market","time_in_force":"day","order_class":"bracket","take_profit":{"limit_price":"9"}}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"buy","type":"limit","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"short","type":"market","time_in_force":"day"}""")]
    [InlineData("""{"symbol":"GOOGL260220C00340000","qty":"1","side":"buy","type":"market","time_in_force":"day","position_intent":"sell_to_close"}""")]
    [InlineData("""{"symbol":"googl","qty":"1","side":"buy","type":"market","time_in_force":"day"}""")]
    public async Task Orders_breaking_alpacas_option_rules_are_422(string body)
    {
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.PostAsync("v2/orders", body);

        JsonAssert.ErrorBody(reply, 422, 40010001);
    }

    [Fact]
    public async Task Malformed_body_is_400()
    {
        await using var broker = await TestBroker.StartAsync();

        JsonAssert.ErrorBody(await broker.PostAsync("v2/orders", "{not json"), 400, 40010000);
    }

    private static string[] Ids(JsonElement orders) =>
        [.. orders.EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()!)];
}
