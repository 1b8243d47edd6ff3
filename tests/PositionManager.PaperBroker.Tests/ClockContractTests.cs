using System.Text.Json;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>
/// <c>GET /v2/clock</c> in Alpaca's shape, on the broker's manual clock. The week of Thanksgiving
/// 2026 (New York is at -05:00): Tuesday 24th, the test start, 10:00; Thursday 26th a holiday;
/// Friday 27th closes at 13:00.
/// </summary>
public sealed class ClockContractTests
{
    private static void Sessions(PaperBrokerOptions o)
    {
        o.MarketAlwaysOpen = false;
        o.MarketHolidays = [new DateOnly(2026, 11, 26)];
        o.MarketEarlyCloses = [new DateOnly(2026, 11, 27)];
    }

    [Fact]
    public async Task Clock_has_alpacas_four_fields_with_new_york_offsets()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var reply = await broker.GetAsync("v2/clock");

        // Alpaca's sample: {"timestamp":"2022-04-28T14:07:04.451420928-04:00","is_open":true,
        // "next_open":"2022-04-29T09:30:00-04:00","next_close":"2022-04-28T16:00:00-04:00"}.
        Assert.Equal(["timestamp", "is_open", "next_open", "next_close"], reply.Body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.True, reply.Kind("is_open"));
        Assert.Equal("2026-11-24T10:00:00.000000-05:00", reply.Str("timestamp"));
        Assert.Equal("2026-11-24T16:00:00-05:00", reply.Str("next_close"));
        Assert.Equal("2026-11-25T09:30:00-05:00", reply.Str("next_open"));
    }

    [Fact]
    public async Task The_manual_clock_crosses_the_close_and_the_next_open()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        broker.Host.Advance(new TimeSpan(5, 59, 59)); // 15:59:59
        var before = await broker.GetAsync("v2/clock");
        broker.Host.Advance(TimeSpan.FromSeconds(1)); // 16:00:00
        var atClose = await broker.GetAsync("v2/clock");
        broker.Host.Advance(new TimeSpan(17, 29, 59)); // Wednesday 09:29:59
        var beforeOpen = await broker.GetAsync("v2/clock");
        broker.Host.Advance(TimeSpan.FromSeconds(1)); // Wednesday 09:30:00
        var atOpen = await broker.GetAsync("v2/clock");

        Assert.Equal((true, "2026-11-24T16:00:00-05:00"), (before.Body.GetProperty("is_open").GetBoolean(), before.Str("next_close")));
        Assert.False(atClose.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2026-11-25T09:30:00-05:00", "2026-11-25T16:00:00-05:00"), (atClose.Str("next_open"), atClose.Str("next_close")));
        Assert.False(beforeOpen.Body.GetProperty("is_open").GetBoolean());
        Assert.True(atOpen.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2026-11-27T09:30:00-05:00", "2026-11-25T16:00:00-05:00"), (atOpen.Str("next_open"), atOpen.Str("next_close"))); // Thursday is a holiday
    }

    [Fact]
    public async Task A_holiday_has_no_session_and_the_next_open_skips_it()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        broker.Host.Advance(new TimeSpan(30, 0, 0)); // Wednesday 16:00
        var wednesdayClose = await broker.GetAsync("v2/clock");
        broker.Host.Advance(new TimeSpan(20, 0, 0)); // Thanksgiving, noon
        var thanksgiving = await broker.GetAsync("v2/clock");

        Assert.False(wednesdayClose.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal("2026-11-27T09:30:00-05:00", wednesdayClose.Str("next_open"));
        Assert.False(thanksgiving.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2026-11-27T09:30:00-05:00", "2026-11-27T13:00:00-05:00"), (thanksgiving.Str("next_open"), thanksgiving.Str("next_close")));
    }

    [Fact]
    public async Task An_early_close_ends_the_session_at_13_00()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        broker.Host.Advance(new TimeSpan(74, 59, 59)); // Friday 12:59:59
        var before = await broker.GetAsync("v2/clock");
        broker.Host.Advance(TimeSpan.FromSeconds(1)); // Friday 13:00:00
        var after = await broker.GetAsync("v2/clock");

        Assert.True(before.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal("2026-11-27T13:00:00-05:00", before.Str("next_close"));
        Assert.False(after.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal(("2026-11-30T09:30:00-05:00", "2026-11-30T16:00:00-05:00"), (after.Str("next_open"), after.Str("next_close")));
    }

    [Fact]
    public async Task Daylight_saving_time_moves_the_offset_not_the_wall_clock()
    {
        // 2027-03-12 is a Friday at -05:00; by Monday 2027-03-15 New York is at -04:00.
        await using var broker = await TestBroker.StartAsync(Sessions);
        broker.Host.Advance(new DateTimeOffset(2027, 3, 12, 22, 0, 0, TimeSpan.Zero) - TestBroker.Start); // Friday 17:00

        var reply = await broker.GetAsync("v2/clock");

        Assert.Equal("2027-03-12T17:00:00.000000-05:00", reply.Str("timestamp"));
        Assert.Equal(("2027-03-15T09:30:00-04:00", "2027-03-15T16:00:00-04:00"), (reply.Str("next_open"), reply.Str("next_close")));
    }

    [Fact]
    public async Task The_demo_market_is_open_at_any_hour_with_the_next_close_a_year_ahead()
    {
        // No schedule settings: the demo. Sunday 2026-11-29 03:00 in New York.
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Advance(new TimeSpan(4, 17, 0, 0));

        var reply = await broker.GetAsync("v2/clock");

        Assert.Equal("2026-11-29T03:00:00.000000-05:00", reply.Str("timestamp"));
        Assert.True(reply.Body.GetProperty("is_open").GetBoolean());
        Assert.Equal("2027-11-29T23:59:00-05:00", reply.Str("next_close"));
        Assert.Equal("2027-11-30T00:00:00-05:00", reply.Str("next_open"));
    }
}
