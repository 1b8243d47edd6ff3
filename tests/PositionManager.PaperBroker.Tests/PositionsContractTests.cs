using System.Net;
using System.Text.Json;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class PositionsContractTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Positions_list_option_values_with_multiplier_100_as_strings()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 2, 5.00m);
        broker.Host.Market.SetQuote(Call, 5.90m, 6.10m);

        var reply = await broker.GetAsync("v2/positions");

        Assert.Equal(JsonValueKind.Array, reply.Body.ValueKind);
        var position = Assert.Single(reply.Body.EnumerateArray());
        JsonAssert.HasFields(position, "asset_id", "symbol", "exchange", "asset_class", "side", "lastday_price", "change_today");
        Assert.Equal(Call, position.GetProperty("symbol").GetString());
        Assert.Equal("us_option", position.GetProperty("asset_class").GetString());
        Assert.Equal("long", position.GetProperty("side").GetString());
        Assert.Equal("2", position.GetProperty("qty").GetString());
        Assert.Equal("5.00", position.GetProperty("avg_entry_price").GetString());
        Assert.Equal(2m, JsonAssert.StringDecimal(position, "qty_available"));
        Assert.Equal(1_200m, JsonAssert.StringDecimal(position, "market_value"));
        Assert.Equal(1_000m, JsonAssert.StringDecimal(position, "cost_basis"));
        Assert.Equal(200m, JsonAssert.StringDecimal(position, "unrealized_pl"));
        Assert.Equal(0.2m, JsonAssert.StringDecimal(position, "unrealized_plpc"));
        Assert.Equal(6.00m, JsonAssert.StringDecimal(position, "current_price"));
    }

    [Fact]
    public async Task Position_by_symbol_returns_one_object()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition("AAPL", 100, 230m);

        var reply = await broker.GetAsync("v2/positions/AAPL");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("us_equity", reply.Str("asset_class"));
        Assert.Equal("100", reply.Str("qty"));
    }

    [Fact]
    public async Task Position_not_held_is_404_with_error_body()
    {
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.GetAsync($"v2/positions/{Call}");

        JsonAssert.ErrorBody(reply, 404, 40410000);
    }

    [Fact]
    public async Task Short_position_has_negative_qty_and_side_short()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, -3, 4m);

        var reply = await broker.GetAsync($"v2/positions/{Call}");

        Assert.Equal("short", reply.Str("side"));
        Assert.Equal("-3", reply.Str("qty"));
    }
}
