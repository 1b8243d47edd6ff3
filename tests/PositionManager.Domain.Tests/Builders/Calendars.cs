using PositionManager.Domain.Market;

namespace PositionManager.Domain.Tests.Builders;

/// <summary>Calendars as Alpaca's <c>/v2/calendar</c> would give them: weekdays, minus holidays, some closing early.</summary>
public static class Calendars
{
    public static readonly DateOnly Thanksgiving2026 = new(2026, 11, 26);
    public static readonly DateOnly DayAfterThanksgiving2026 = new(2026, 11, 27);
    public static readonly DateOnly GoodFriday2026 = new(2026, 4, 3);
    public static readonly DateOnly PresidentsDay2026 = new(2026, 2, 16);

    /// <summary>The whole of 2026 with its exchange holidays and early closes (those the tests use).</summary>
    public static KnownSessionCalendar Year2026 { get; } = Known(
        new DateOnly(2026, 1, 1),
        new DateOnly(2026, 12, 31),
        holidays: [new(2026, 1, 1), new(2026, 1, 19), PresidentsDay2026, GoodFriday2026, new(2026, 5, 25), new(2026, 6, 19), new(2026, 7, 3), new(2026, 9, 7), Thanksgiving2026, new(2026, 12, 25)],
        earlyCloses: [DayAfterThanksgiving2026, new(2026, 12, 24)]);

    public static KnownSessionCalendar Known(DateOnly from, DateOnly to, DateOnly[] holidays, DateOnly[] earlyCloses)
    {
        var sessions = new List<TradingSession>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(date))
            {
                continue;
            }

            var close = earlyCloses.Contains(date) ? new TimeOnly(13, 0) : new TimeOnly(16, 0);
            sessions.Add(TradingSession.AtNewYork(date, new TimeOnly(9, 30), close));
        }

        return new KnownSessionCalendar(sessions, from, to);
    }

    /// <summary>An instant given as New York wall-clock time.</summary>
    public static DateTimeOffset NewYork(int year, int month, int day, int hour, int minute, int second = 0) =>
        NewYorkTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute, second));
}
