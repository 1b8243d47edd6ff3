namespace PositionManager.Domain.Market;

/// <summary>
/// What a decision knows of the market at one instant: the time, whether the market is open (as
/// the broker's clock says), and the calendar of sessions the time exits measure against.
/// While the market is closed no exit triggers and no quote moves a peak or a stop.
/// </summary>
public readonly struct MarketMoment
{
    private readonly ISessionCalendar? _calendar;

    public MarketMoment(DateTimeOffset now, bool isOpen, ISessionCalendar? calendar = null)
    {
        Now = now;
        IsOpen = isOpen;
        _calendar = calendar;
    }

    public DateTimeOffset Now { get; }

    public bool IsOpen { get; }

    /// <summary>The calendar given, or the regular weekday one when none was.</summary>
    public ISessionCalendar Calendar => _calendar ?? SessionCalendar.Regular;

    /// <summary>
    /// For a caller that has no market clock: the market counts as open at every hour (as before
    /// there was a clock) and sessions close at 16:00 New York on weekdays.
    /// </summary>
    public static MarketMoment WithoutClock(DateTimeOffset now) => new(now, true);

    public static MarketMoment Open(DateTimeOffset now, ISessionCalendar? calendar = null) => new(now, true, calendar);

    public static MarketMoment Closed(DateTimeOffset now, ISessionCalendar? calendar = null) => new(now, false, calendar);

    public override string ToString() => $"{Now:O} market {(IsOpen ? "open" : "closed")}";
}
