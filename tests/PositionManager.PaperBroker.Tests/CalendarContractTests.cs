using System.Text.Json;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary><c>GET /v2/calendar?start=&amp;end=</c> in Alpaca's shape: one entry per session, New York wall times.</summary>
public sealed class CalendarContractTests
{
    private static void Sessions(PaperBrokerOptions o)
    {
        o.MarketAlwaysOpen = false;
        o.MarketHolidays = [new DateOnly(2026, 11, 26)];
        o.MarketEarlyCloses = [new DateOnly(2026, 11, 27)];
    }

    [Fact]
    public async Task Sessions_skip_weekends_and_holidays_and_an_early_close_ends_at_13_00()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var reply = await broker.GetAsync("v2/calendar?start=2026-11-23&end=2026-11-30");

        Assert.Equal(JsonValueKind.Array, reply.Body.ValueKind);
        var days = reply.Body.EnumerateArray().ToList();
        Assert.Equal(["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-27", "2026-11-30"], days.Select(d => d.GetProperty("date").GetString()));

        // Alpaca's sample entry: {"date":"1970-01-02","open":"09:30","close":"16:00",
        // "session_open":"0400","session_close":"2000","settlement_date":"1970-01-06"}.
        var tuesday = days[1];
        Assert.Equal(["date", "open", "close", "session_open", "session_close", "settlement_date"], tuesday.EnumerateObject().Select(p => p.Name));
        Assert.All(tuesday.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal(("09:30", "16:00", "0400", "2000", "2026-11-25"), Fields(tuesday));
        Assert.Equal(("09:30", "16:00", "0400", "2000", "2026-11-27"), Fields(days[2])); // settles past the holiday
        Assert.Equal(("09:30", "13:00", "0400", "1700", "2026-11-30"), Fields(days[3]));
    }

    [Fact]
    public async Task The_demo_calendar_lists_every_date_as_a_whole_day_session()
    {
        await using var broker = await TestBroker.StartAsync();

        var reply = await broker.GetAsync("v2/calendar?start=2026-11-26&end=2026-11-29");

        var days = reply.Body.EnumerateArray().ToList();
        Assert.Equal(["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"], days.Select(d => d.GetProperty("date").GetString()));
        Assert.All(days, d => Assert.Equal(("00:00", "23:59", "0000", "2359"), (Str(d, "open"), Str(d, "close"), Str(d, "session_open"), Str(d, "session_close"))));
    }

    [Fact]
    public async Task Without_start_and_end_the_calendar_starts_today_in_new_york()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var days = (await broker.GetAsync("v2/calendar")).Body.EnumerateArray().ToList();

        Assert.Equal("2026-11-24", days[0].GetProperty("date").GetString());
        Assert.Equal("2026-12-24", days[^1].GetProperty("date").GetString());
    }

    [Fact]
    public async Task An_end_before_the_start_lists_nothing_and_a_bad_date_is_refused()
    {
        await using var broker = await TestBroker.StartAsync(Sessions);

        var backwards = await broker.GetAsync("v2/calendar?start=2026-11-30&end=2026-11-23");
        var garbled = await broker.GetAsync("v2/calendar?start=11/23/2026&end=2026-11-30");

        Assert.Empty(backwards.Body.EnumerateArray());
        JsonAssert.ErrorBody(garbled, 422, 40010001);
    }

    private static (string Open, string Close, string SessionOpen, string SessionClose, string Settlement) Fields(JsonElement day) =>
        (Str(day, "open"), Str(day, "close"), Str(day, "session_open"), Str(day, "session_close"), Str(day, "settlement_date"));

    private static string Str(JsonElement day, string name) => day.GetProperty(name).GetString()!;
}
