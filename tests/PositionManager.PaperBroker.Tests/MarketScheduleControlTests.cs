using System.Net;
using Microsoft.Extensions.Configuration;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>The market's schedule from configuration and through the control API (<c>/_paper/market</c>).</summary>
public sealed class MarketScheduleControlTests
{
    [Fact]
    public async Task The_control_api_sets_holidays_and_early_closes_and_delete_restores_the_configured_schedule()
    {
        await using var broker = await TestBroker.StartAsync(); // the demo: always open
        using var anonymous = new HttpClient { BaseAddress = broker.Host.BaseUrl };

        var set = await broker.SendAsync(HttpMethod.Post, "_paper/market", """{"always_open":false,"holidays":["2026-11-24"],"early_closes":["2026-11-25"]}""", anonymous);
        var todayClosed = await broker.GetAsync("v2/clock");
        var shown = await broker.SendAsync(HttpMethod.Get, "_paper/market", client: anonymous);
        var restored = await broker.SendAsync(HttpMethod.Delete, "_paper/market", client: anonymous);
        var openAgain = await broker.GetAsync("v2/clock");

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.False(todayClosed.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2026-11-25T09:30:00-05:00", "2026-11-25T13:00:00-05:00"), (todayClosed.Str("next_open"), todayClosed.Str("next_close")));
        Assert.Equal("""{"always_open":false,"holidays":["2026-11-24"],"early_closes":["2026-11-25"]}""", shown.Raw);
        Assert.Equal("""{"always_open":true,"holidays":[],"early_closes":[]}""", restored.Raw);
        Assert.True(openAgain.Body.GetProperty("is_open").GetBoolean());
    }

    [Fact]
    public async Task Omitted_fields_stay_and_a_schedule_that_cannot_be_is_refused_without_change()
    {
        await using var broker = await TestBroker.StartAsync(o => o.MarketAlwaysOpen = false);
        await broker.PostAsync("_paper/market", """{"holidays":["2026-11-26"]}""");

        var weekend = await broker.PostAsync("_paper/market", """{"early_closes":["2026-11-28"]}""");
        var both = await broker.PostAsync("_paper/market", """{"early_closes":["2026-11-26"]}""");
        var garbled = await broker.PostAsync("_paper/market", """{"holidays":["Thanksgiving"]}""");
        var state = await broker.GetAsync("_paper/market");

        JsonAssert.ErrorBody(weekend, 422, 40010001, "early close 2026-11-28 is a Saturday: weekends have no session to shorten");
        JsonAssert.ErrorBody(both, 422, 40010001, "2026-11-26 is both a holiday and an early close");
        JsonAssert.ErrorBody(garbled, 422, 40010001);
        Assert.Equal("""{"always_open":false,"holidays":["2026-11-26"],"early_closes":[]}""", state.Raw);
    }

    [Fact]
    public async Task The_schedule_and_adjusted_contracts_bind_from_the_paper_broker_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PaperBroker:MarketAlwaysOpen"] = "false",
            ["PaperBroker:MarketHolidays:0"] = "2026-11-26",
            ["PaperBroker:MarketEarlyCloses:0"] = "2026-11-27",
            ["PaperBroker:Contracts:0:Symbol"] = "LCID1261218C00005000",
            ["PaperBroker:Contracts:0:UnderlyingSymbol"] = "LCID",
        }).Build();
        var bound = configuration.GetSection("PaperBroker").Get<PaperBrokerOptions>()!;

        await using var broker = await TestBroker.StartAsync(o =>
        {
            o.MarketAlwaysOpen = bound.MarketAlwaysOpen;
            o.MarketHolidays = bound.MarketHolidays;
            o.MarketEarlyCloses = bound.MarketEarlyCloses;
            o.Contracts = bound.Contracts;
        });
        var days = (await broker.GetAsync("v2/calendar?start=2026-11-26&end=2026-11-27")).Body.EnumerateArray().ToList();
        var contract = await broker.GetAsync("v2/options/contracts/LCID1261218C00005000");

        var friday = Assert.Single(days);
        Assert.Equal(("2026-11-27", "13:00"), (friday.GetProperty("date").GetString(), friday.GetProperty("close").GetString()));
        Assert.Equal("LCID", contract.Str("underlying_symbol"));
    }

    [Theory]
    [InlineData("holiday")]
    [InlineData("contract")]
    public async Task A_schedule_or_contract_that_cannot_be_stops_the_start_with_one_line(string what)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestBroker.StartAsync(o =>
        {
            if (what == "holiday")
            {
                o.MarketHolidays = [new DateOnly(2026, 11, 29)];
            }
            else
            {
                o.Contracts = [new ContractSettings { Symbol = "LCID", UnderlyingSymbol = "LCID" }];
            }
        }));

        Assert.Equal(
            what == "holiday"
                ? "PaperBroker market schedule: holiday 2026-11-29 is a Sunday: weekends have no session to close"
                : "PaperBroker:Contracts: contract 'LCID' is not an OCC option symbol",
            error.Message);
    }
}
