using System.Text.Json;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>
/// <c>GET /v2/options/contracts/{symbol_or_id}</c> in the shape of Alpaca's sample. The broker
/// knows what it holds or quotes; the underlying is the OCC root unless an adjusted contract was
/// configured; anything else is 404 as Alpaca answers it (Alpaca-API issue #253).
/// </summary>
public sealed class OptionContractContractTests
{
    private const string Put = "SPY261218P00550000";
    private const string Call = "GOOGL270115C00340000";
    private const string Adjusted = "LCID1261218C00005000";

    [Fact]
    public async Task A_held_contract_is_described_in_alpacas_shape()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Put, 3, 8.10m);

        var reply = await broker.GetAsync($"v2/options/contracts/{Put}");

        // Alpaca's sample: {"id":"98359ef7-…","symbol":"AAPL250620C00100000","name":"AAPL Jun 20 2025 100 Call",
        // "status":"active","tradable":true,"expiration_date":"2025-06-20","underlying_symbol":"AAPL",
        // "underlying_asset_id":"b0b6dd9d-…","type":"call","style":"american","strike_price":"100",
        // "size":"100","root_symbol":"AAPL","open_interest":"237",…}.
        JsonAssert.HasFields(reply.Body, "id", "symbol", "name", "status", "tradable", "expiration_date", "root_symbol", "underlying_symbol",
            "underlying_asset_id", "type", "style", "strike_price", "multiplier", "size", "open_interest", "close_price");
        Assert.Equal((Put, "SPY Dec 18 2026 550 Put", "active", "2026-12-18"), (reply.Str("symbol"), reply.Str("name"), reply.Str("status"), reply.Str("expiration_date")));
        Assert.Equal(("SPY", "SPY", "put", "american"), (reply.Str("root_symbol"), reply.Str("underlying_symbol"), reply.Str("type"), reply.Str("style")));
        Assert.Equal(JsonValueKind.True, reply.Kind("tradable"));
        Assert.Equal(550m, JsonAssert.StringDecimal(reply.Body, "strike_price"));
        Assert.Equal(100m, JsonAssert.StringDecimal(reply.Body, "size"));
        Assert.Equal(AssetIds.For(Put).ToString(), reply.Str("id"));
        Assert.Equal(AssetIds.For("SPY").ToString(), reply.Str("underlying_asset_id"));
        JsonAssert.IsNull(reply.Body, "open_interest");
    }

    [Fact]
    public async Task A_quoted_contract_is_known_and_can_be_asked_for_by_id()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.SendAsync(HttpMethod.Put, $"_paper/quotes/{Call}", """{"bid":"12.00","ask":"12.20"}""");

        var byId = await broker.GetAsync($"v2/options/contracts/{AssetIds.For(Call)}");

        Assert.Equal((Call, "call", "GOOGL", "340"), (byId.Str("symbol"), byId.Str("type"), byId.Str("underlying_symbol"), byId.Str("strike_price")));
    }

    [Fact]
    public async Task A_configured_adjusted_contract_has_its_own_underlying_and_an_unconfigured_one_keeps_its_root()
    {
        const string otherAdjusted = "LCID2261218C00005000";
        await using var broker = await TestBroker.StartAsync(o => o.Contracts = [new ContractSettings { Symbol = Adjusted, UnderlyingSymbol = "LCID" }]);
        broker.Host.Account.SeedPosition(otherAdjusted, 1, 0.50m);

        var configured = await broker.GetAsync($"v2/options/contracts/{Adjusted}");
        var unconfigured = await broker.GetAsync($"v2/options/contracts/{otherAdjusted}");

        Assert.Equal(("LCID1", "LCID"), (configured.Str("root_symbol"), configured.Str("underlying_symbol")));
        Assert.Equal(AssetIds.For("LCID").ToString(), configured.Str("underlying_asset_id"));

        // Never trimmed: the broker says what it was told, and a client must not guess either.
        Assert.Equal(("LCID2", "LCID2"), (unconfigured.Str("root_symbol"), unconfigured.Str("underlying_symbol")));
    }

    [Fact]
    public async Task The_control_api_configures_and_forgets_an_adjusted_contract()
    {
        await using var broker = await TestBroker.StartAsync();

        var configured = await broker.SendAsync(HttpMethod.Put, $"_paper/contracts/{Adjusted}", """{"underlying_symbol":"LCID"}""");
        var read = await broker.GetAsync($"v2/options/contracts/{Adjusted}");
        var refused = await broker.SendAsync(HttpMethod.Put, "_paper/contracts/LCID", """{"underlying_symbol":"LCID"}""");
        await broker.DeleteAsync($"_paper/contracts/{Adjusted}");
        var forgotten = await broker.GetAsync($"v2/options/contracts/{Adjusted}");

        Assert.Equal("LCID", configured.Str("underlying_symbol"));
        Assert.Equal("LCID", read.Str("underlying_symbol"));
        JsonAssert.ErrorBody(refused, 422, 40010001);
        JsonAssert.ErrorBody(forgotten, 404, 40410000);
    }

    [Theory]
    [InlineData("QQQ261218C00500000")] // a valid OCC symbol the broker neither holds nor quotes
    [InlineData("AAPL")] // a stock ticker, even one the account holds
    [InlineData("NOT-A-CONTRACT")]
    public async Task An_unknown_contract_is_404_with_alpacas_error_body(string symbol)
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition("AAPL", 100, 231.50m);

        var reply = await broker.GetAsync($"v2/options/contracts/{symbol}");

        // Alpaca: {"code":40410000,"message":"option contract XSP240513C00480000 not found"}.
        JsonAssert.ErrorBody(reply, 404, 40410000, $"option contract {symbol} not found");
    }

    [Fact]
    public async Task A_contract_past_its_expiry_is_inactive_and_not_tradable()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition("GOOGL260220C00340000", 1, 5m);

        var reply = await broker.GetAsync("v2/options/contracts/GOOGL260220C00340000");

        Assert.Equal(("inactive", JsonValueKind.False), (reply.Str("status"), reply.Kind("tradable")));
    }
}
