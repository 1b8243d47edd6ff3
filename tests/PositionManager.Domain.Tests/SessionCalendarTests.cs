using PositionManager.Domain.Market;
using PositionManager.Domain.Tests.Builders;
using static PositionManager.Domain.Tests.Builders.Calendars;

namespace PositionManager.Domain.Tests;

public class SessionCalendarTests
{
    [Fact]
    public void The_regular_calendar_has_a_session_from_0930_to_1600_new_york_on_every_weekday()
    {
        var winter = SessionCalendar.Regular.SessionOn(new DateOnly(2026, 2, 2))!.Value;
        var summer = SessionCalendar.Regular.SessionOn(new DateOnly(2026, 7, 17))!.Value;

        Assert.Equal((new DateTimeOffset(2026, 2, 2, 14, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 2, 21, 0, 0, TimeSpan.Zero)), (winter.Open, winter.Close));
        Assert.Equal(new DateTimeOffset(2026, 7, 17, 20, 0, 0, TimeSpan.Zero), summer.Close);
        Assert.Null(SessionCalendar.Regular.SessionOn(new DateOnly(2026, 2, 7)));
        Assert.Null(SessionCalendar.Regular.SessionOn(new DateOnly(2026, 2, 8)));
        Assert.NotNull(SessionCalendar.Regular.SessionOn(PresidentsDay2026)); // it knows no holidays
    }

    [Fact]
    public void A_known_calendar_has_its_holidays_and_early_closes()
    {
        var halfDay = Year2026.SessionOn(DayAfterThanksgiving2026)!.Value;

        Assert.Null(Year2026.SessionOn(Thanksgiving2026));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero), halfDay.Close);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 14, 30, 0, TimeSpan.Zero), halfDay.Open);
    }

    [Fact]
    public void Outside_its_range_a_known_calendar_asks_the_regular_one()
    {
        var december = Known(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), [new(2026, 12, 25)], [new(2026, 12, 24)]);

        Assert.Equal(SessionCalendar.Regular.SessionOn(new DateOnly(2027, 1, 4)), december.SessionOn(new DateOnly(2027, 1, 4)));
        Assert.Equal(SessionCalendar.Regular.SessionOn(new DateOnly(2026, 11, 26)), december.SessionOn(new DateOnly(2026, 11, 26)));
        Assert.Null(december.SessionOn(new DateOnly(2026, 12, 25)));
    }

    [Fact]
    public void Outside_its_range_a_known_calendar_asks_the_calendar_it_was_given()
    {
        var closedOutside = new KnownSessionCalendar([], new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), new KnownSessionCalendar([], new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)));

        Assert.Null(closedOutside.SessionOn(new DateOnly(2026, 2, 2)));
    }

    [Fact]
    public void A_known_calendar_refuses_sessions_it_cannot_hold()
    {
        var from = new DateOnly(2026, 2, 2);
        var to = new DateOnly(2026, 2, 6);
        var monday = TradingSession.AtNewYork(from, new TimeOnly(9, 30), new TimeOnly(16, 0));

        Assert.Contains("outside the calendar's range", Assert.Throws<ArgumentException>(() => new KnownSessionCalendar([monday], from.AddDays(1), to)).Message);
        Assert.Contains("two sessions on 2026-02-02", Assert.Throws<ArgumentException>(() => new KnownSessionCalendar([monday, monday], from, to)).Message);
        Assert.Contains("not after it opens", Assert.Throws<ArgumentException>(() => new KnownSessionCalendar([monday with { Close = monday.Open }], from, to)).Message);
        Assert.Contains("ends before it starts", Assert.Throws<ArgumentException>(() => new KnownSessionCalendar([], to, from)).Message);
    }

    [Fact]
    public void The_last_session_on_or_before_a_day_the_market_is_closed_is_the_one_before()
    {
        Assert.Equal(new DateOnly(2026, 4, 2), Year2026.LastSessionOnOrBefore(GoodFriday2026)!.Value.Date);
        Assert.Equal(new DateOnly(2026, 2, 20), Year2026.LastSessionOnOrBefore(new DateOnly(2026, 2, 21))!.Value.Date);
        Assert.Equal(new DateOnly(2026, 2, 20), Year2026.LastSessionOnOrBefore(new DateOnly(2026, 2, 20))!.Value.Date);
    }

    [Fact]
    public void The_first_session_closing_after_an_instant_is_the_one_in_progress_or_the_next()
    {
        Assert.Equal(new DateOnly(2026, 2, 2), Year2026.FirstSessionClosingAfter(NewYork(2026, 2, 2, 15, 59, 59))!.Value.Date);
        Assert.Equal(new DateOnly(2026, 2, 3), Year2026.FirstSessionClosingAfter(NewYork(2026, 2, 2, 16, 0))!.Value.Date);
        Assert.Equal(new DateOnly(2026, 2, 2), Year2026.FirstSessionClosingAfter(NewYork(2026, 2, 2, 3, 0))!.Value.Date);
        Assert.Equal(new DateOnly(2026, 2, 17), Year2026.FirstSessionClosingAfter(NewYork(2026, 2, 13, 17, 0))!.Value.Date); // a weekend and Presidents' Day
        Assert.Equal(DayAfterThanksgiving2026, Year2026.FirstSessionClosingAfter(NewYork(2026, 11, 25, 16, 30))!.Value.Date);
    }

    [Fact]
    public void A_calendar_without_any_session_near_gives_none()
    {
        var closed = new KnownSessionCalendar([], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        Assert.Null(closed.LastSessionOnOrBefore(new DateOnly(2026, 6, 1)));
        Assert.Null(closed.FirstSessionClosingAfter(NewYork(2026, 6, 1, 10, 0)));
    }

    [Theory]
    [InlineData(9, 29, 59, false)]
    [InlineData(9, 30, 0, true)]
    [InlineData(12, 59, 59, true)]
    [InlineData(13, 0, 0, false)]
    public void A_half_day_is_in_session_until_its_early_close(int hour, int minute, int second, bool inSession)
    {
        Assert.Equal(inSession, Year2026.IsInSession(NewYork(2026, 11, 27, hour, minute, second)));
    }

    [Fact]
    public void A_new_york_date_is_the_wall_clock_date_there()
    {
        Assert.Equal(new DateOnly(2026, 2, 17), NewYorkTime.DateOf(new DateTimeOffset(2026, 2, 18, 3, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 2, 18), NewYorkTime.DateOf(new DateTimeOffset(2026, 2, 18, 5, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_moment_without_a_calendar_uses_the_regular_one()
    {
        Assert.Same(SessionCalendar.Regular, default(MarketMoment).Calendar);
        Assert.Same(SessionCalendar.Regular, MarketMoment.WithoutClock(NewYork(2026, 2, 2, 10, 0)).Calendar);
        Assert.True(MarketMoment.WithoutClock(NewYork(2026, 2, 7, 3, 0)).IsOpen);
        Assert.False(default(MarketMoment).IsOpen);
    }
}
