using System.Net;
using System.Text.Json;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class AccountContractTests
{
    [Fact]
    public async Task Account_has_string_money_and_numeric_option_levels()
    {
        await using var broker = await TestBroker.StartAsync(o => o.StartingCash = 50_000m);

        var reply = await broker.GetAsync("v2/account");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var body = reply.Body;
        JsonAssert.HasFields(body, "id", "account_number", "status", "trading_blocked", "account_blocked");
        Assert.Equal(50_000m, JsonAssert.StringDecimal(body, "cash"));
        Assert.Equal(100_000m, JsonAssert.StringDecimal(body, "buying_power"));
        Assert.Equal(50_000m, JsonAssert.StringDecimal(body, "options_buying_power"));
        Assert.Equal(JsonValueKind.Number, body.GetProperty("options_approved_level").ValueKind);
        Assert.Equal(3, body.GetProperty("options_trading_level").GetInt32());
        Assert.False(body.GetProperty("trading_blocked").GetBoolean());
        Assert.Equal("ACTIVE", reply.Str("status"));
    }

    [Fact]
    public async Task Buying_one_contract_costs_the_ask_times_100()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Market.SetQuote("GOOGL260220C00340000", 4.90m, 5.00m);

        await broker.SubmitAsync("GOOGL260220C00340000", 1, "buy", "buy_to_open");
        var body = (await broker.GetAsync("v2/account")).Body;

        Assert.Equal(100_000m - 500m, JsonAssert.StringDecimal(body, "cash"));
        Assert.Equal(495m, JsonAssert.StringDecimal(body, "long_market_value"));
    }

    [Fact]
    public async Task Option_purchase_beyond_options_buying_power_is_403()
    {
        await using var broker = await TestBroker.StartAsync(o => o.StartingCash = 1_000m);
        broker.Host.Market.SetQuote("GOOGL260220C00340000", 4.90m, 5.00m);

        var reply = await broker.SubmitAsync("GOOGL260220C00340000", 3, "buy", "buy_to_open");

        JsonAssert.ErrorBody(reply, 403, 40310000, "insufficient buying power");
    }
}
