using System.Net;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class ControlAndDemoTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Control_api_seeds_positions_and_quotes_without_alpaca_keys()
    {
        await using var broker = await TestBroker.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = broker.Host.BaseUrl };

        var quote = await broker.SendAsync(HttpMethod.Put, $"_paper/quotes/{Call}", """{"bid":"2.50","ask":2.70}""", anonymous);
        var seeded = await broker.SendAsync(HttpMethod.Put, $"_paper/positions/{Call}", """{"qty":4,"avg_entry_price":"2.00"}""", anonymous);

        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal(2.50m, quote.Body.GetProperty("bp").GetDecimal());
        Assert.Equal("4", seeded.Str("qty"));
        Assert.Equal(2.60m, JsonAssert.StringDecimal((await broker.GetAsync($"v2/positions/{Call}")).Body, "current_price"));
    }

    [Fact]
    public async Task Control_api_advances_the_manual_clock_and_resets_the_account()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Fills.FillDelay = TimeSpan.FromSeconds(3));
        var order = await broker.SubmitAsync("AAPL", 1, "buy");

        var advanced = await broker.PostAsync("_paper/clock/advance", """{"seconds":3}""");
        Assert.Equal(1, advanced.Body.GetProperty("count").GetInt32());
        Assert.Equal("filled", (await broker.GetAsync($"v2/orders/{order.Str("id")}")).Str("status"));

        await broker.PostAsync("_paper/reset", """{"cash":"5000"}""");

        Assert.Empty((await broker.GetAsync("v2/positions")).Body.EnumerateArray());
        Assert.Equal(5000m, JsonAssert.StringDecimal((await broker.GetAsync("v2/account")).Body, "cash"));
    }

    [Fact]
    public async Task Broker_started_with_no_settings_opens_the_demo_account_for_any_key_pair()
    {
        await using var host = await PaperBrokerHost.StartAsync(new PaperBrokerOptions());
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        http.DefaultRequestHeaders.Add("APCA-API-KEY-ID", "demo");
        http.DefaultRequestHeaders.Add("APCA-API-SECRET-KEY", "demo");

        using var response = await http.GetAsync("v2/positions");
        var positions = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, positions.Count(p => p.GetProperty("asset_class").GetString() == "us_option"));
        Assert.Equal(1, positions.Count(p => p.GetProperty("asset_class").GetString() == "us_equity"));
        Assert.All(positions, p => Assert.Equal("long", p.GetProperty("side").GetString()));
        Assert.StartsWith("http://127.0.0.1:", host.BaseUrl.ToString(), StringComparison.Ordinal);
    }
}
