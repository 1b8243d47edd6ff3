namespace PositionManager.Domain.Market;

/// <summary>
/// The calendar for callers that know no better: every weekday a session from 09:30 to 16:00 New
/// York, no holidays and no early closes. A half day or a holiday is therefore wrong here; only a
/// real calendar (<see cref="KnownSessionCalendar"/>) gets those right.
/// </summary>
public sealed class RegularSessionCalendar : ISessionCalendar
{
    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);

    private RegularSessionCalendar()
    {
    }

    public static RegularSessionCalendar Instance { get; } = new();

    public TradingSession? SessionOn(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? null
            : TradingSession.AtNewYork(date, RegularOpen, RegularClose);
}
