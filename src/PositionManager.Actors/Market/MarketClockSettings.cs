namespace PositionManager.Actors.Market;

/// <param name="ReadInterval">The clock is read at least this often, besides at start and at each open and close it announced.</param>
/// <param name="CalendarRefresh">The calendar is read again after this long, and sooner when a date it needs is missing.</param>
/// <param name="CalendarDaysBack">Days before today the calendar covers: a position opened then still finds the session it was opened in.</param>
/// <param name="CalendarDaysAhead">Days after today the calendar covers; beyond them the regular weekday calendar answers.</param>
public sealed record MarketClockSettings(TimeSpan ReadInterval, TimeSpan CalendarRefresh, int CalendarDaysBack, int CalendarDaysAhead)
{
    /// <summary>
    /// A read a minute (and one at each open and close) costs 1-2 of the account's 200 trading
    /// requests a minute; the calendar, 46 days of sessions, is read once a day.
    /// </summary>
    public static MarketClockSettings Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromDays(1), 14, 31);
}
