using System.Net;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>
/// Alpaca's budget as the broker enforces it: a fixed clock-minute window per API, the headers
/// counting down, 429 past it, and every request counted by route on the control API.
/// </summary>
public sealed class RateLimitEnforcementTests
{
    private const string Call = "SPY261218C00600000";

    [Fact]
    public async Task The_trading_budget_counts_down_refuses_past_it_and_resets_at_the_minute()
    {
        await using var broker = await TestBroker.StartAsync(o => o.RateLimitPerMinute = 3);

        var remaining = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var ok = await broker.GetAsync("v2/account");
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            remaining.Add(ok.Header("X-RateLimit-Remaining"));
        }

        var refused = await broker.GetAsync("v2/positions");
        broker.Host.Advance(TimeSpan.FromMinutes(1));
        var next = await broker.GetAsync("v2/account");

        Assert.Equal(["2", "1", "0"], remaining);
        Assert.Equal(((HttpStatusCode)429, 42910000), (refused.Status, refused.Body.GetProperty("code").GetInt32()));
        Assert.Equal(("3", "0"), (refused.Header("X-RateLimit-Limit"), refused.Header("X-RateLimit-Remaining")));
        Assert.Equal(TestBroker.Start.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Header("X-RateLimit-Reset"));
        Assert.Equal((HttpStatusCode.OK, "2"), (next.Status, next.Header("X-RateLimit-Remaining")));
    }

    [Fact]
    public async Task Market_data_has_a_budget_of_its_own()
    {
        await using var broker = await TestBroker.StartAsync(o => (o.RateLimitPerMinute, o.MarketDataRateLimitPerMinute) = (1, 2));

        var trading = await broker.GetAsync("v2/account");
        var data = await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call}");
        var data2 = await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call}");
        var data3 = await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call}");

        Assert.Equal((HttpStatusCode.OK, "0"), (trading.Status, trading.Header("X-RateLimit-Remaining")));
        Assert.Equal((HttpStatusCode.OK, "2", "1"), (data.Status, data.Header("X-RateLimit-Limit"), data.Header("X-RateLimit-Remaining")));
        Assert.Equal(HttpStatusCode.OK, data2.Status);
        Assert.Equal((HttpStatusCode)429, data3.Status);
    }

    [Fact]
    public async Task The_control_api_reports_requests_by_route_with_the_429s_and_clears()
    {
        await using var broker = await TestBroker.StartAsync(o => o.RateLimitPerMinute = 4);
        broker.Host.Account.SeedPosition(Call, 2, 5.00m);

        await broker.GetAsync($"v2/positions/{Call}");
        await broker.GetAsync($"v2/positions/{Call}");
        await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");
        await broker.GetAsync("v2/account");
        await broker.GetAsync("v2/account");                    // past the 4: a 429, still counted
        await broker.GetAsync($"v1beta1/options/quotes/latest?symbols={Call}");
        var tally = await broker.GetAsync("_paper/requests");
        await broker.DeleteAsync("_paper/requests");
        var cleared = await broker.GetAsync("_paper/requests");

        Assert.Equal((5, 1, 1), (tally.Body.GetProperty("trading_requests").GetInt32(), tally.Body.GetProperty("trading_rate_limited").GetInt32(), tally.Body.GetProperty("market_data_requests").GetInt32()));
        var routes = tally.Body.GetProperty("routes").EnumerateArray()
            .ToDictionary(r => r.GetProperty("route").GetString()!, r => (r.GetProperty("requests").GetInt32(), r.GetProperty("rate_limited").GetInt32()));
        Assert.Equal((2, 0), routes["GET /v2/positions/{symbolOrAssetId}"]);
        Assert.Equal((1, 0), routes["POST /v2/orders"]);
        Assert.Equal((2, 1), routes["GET /v2/account"]);
        Assert.Equal((1, 0), routes["GET /v1beta1/options/quotes/latest"]);
        Assert.Equal(0, cleared.Body.GetProperty("trading_requests").GetInt32());
    }
}
