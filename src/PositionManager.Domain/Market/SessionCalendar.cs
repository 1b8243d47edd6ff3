namespace PositionManager.Domain.Market;

/// <summary>What the exit rules ask of a calendar, for any <see cref="ISessionCalendar"/>.</summary>
public static class SessionCalendar
{
    /// <summary>
    /// How far a search for a session goes before giving up. The longest closure of the US market
    /// in living memory (September 2001) kept it shut for six calendar days.
    /// </summary>
    public const int SearchDays = 14;

    /// <summary>Weekdays 09:30-16:00 New York, no holidays: the default for callers without a calendar.</summary>
    public static ISessionCalendar Regular => RegularSessionCalendar.Instance;

    /// <summary>
    /// The session on <paramref name="date"/>, or the last one before it: an expiry that falls on a
    /// day the market is closed trades last on the session before.
    /// </summary>
    public static TradingSession? LastSessionOnOrBefore(this ISessionCalendar calendar, DateOnly date)
    {
        for (var day = 0; day <= SearchDays; day++)
        {
            if (calendar.SessionOn(date.AddDays(-day)) is { } session)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>The first session that closes after <paramref name="instant"/>: the one in progress, or the next.</summary>
    public static TradingSession? FirstSessionClosingAfter(this ISessionCalendar calendar, DateTimeOffset instant)
    {
        var date = NewYorkTime.DateOf(instant);
        for (var day = 0; day <= SearchDays; day++)
        {
            if (calendar.SessionOn(date.AddDays(day)) is { } session && session.Close > instant)
            {
                return session;
            }
        }

        return null;
    }

    /// <summary>Whether a session of this calendar is in progress at <paramref name="instant"/>.</summary>
    public static bool IsInSession(this ISessionCalendar calendar, DateTimeOffset instant) =>
        calendar.SessionOn(NewYorkTime.DateOf(instant)) is { } session && session.Contains(instant);
}
