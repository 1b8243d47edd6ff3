namespace PositionManager.PaperBroker.Time;

/// <summary>
/// NYSE regular hours (09:30-16:00 America/New_York, Monday-Friday; holidays are not simulated)
/// for <c>GET /v2/clock</c>. Times are reported with the New York offset, as Alpaca reports them.
/// </summary>
public sealed class MarketCalendar(bool alwaysOpen)
{
    private static readonly TimeOnly Open = new(9, 30);
    private static readonly TimeOnly Close = new(16, 0);
    private static readonly TimeZoneInfo NewYork = FindNewYork();

    public bool AlwaysOpen { get; } = alwaysOpen;

    public MarketClock At(DateTimeOffset utcNow)
    {
        var local = TimeZoneInfo.ConvertTime(utcNow, NewYork);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var inSession = IsTradingDay(today) && time >= Open && time < Close;

        var openDay = IsTradingDay(today) && time < Open ? today : NextTradingDay(today);
        var closeDay = IsTradingDay(today) && time < Close ? today : NextTradingDay(today);
        return new MarketClock(
            local,
            AlwaysOpen || inSession,
            At(openDay, Open),
            At(closeDay, Close));
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var wall = day.ToDateTime(time);
        return new DateTimeOffset(wall, NewYork.GetUtcOffset(wall));
    }

    private static bool IsTradingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private static DateOnly NextTradingDay(DateOnly day)
    {
        var next = day.AddDays(1);
        while (!IsTradingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    private static TimeZoneInfo FindNewYork()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            // Images without tzdata: eastern standard time all year is off by an hour in summer,
            // acceptable for a simulator and better than refusing to start.
            return TimeZoneInfo.CreateCustomTimeZone("EST", TimeSpan.FromHours(-5), "EST", "EST");
        }
    }
}
