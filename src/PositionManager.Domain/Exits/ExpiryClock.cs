namespace PositionManager.Domain.Exits;

/// <summary>Listed US options stop trading at the regular close, 16:00 New York time, on expiry day.</summary>
public static class ExpiryClock
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    public static DateTimeOffset RegularClose(DateOnly expiry)
    {
        var local = expiry.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Unspecified);
        return new DateTimeOffset(local, NewYork.GetUtcOffset(local));
    }

    public static DateOnly NewYorkDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, NewYork).DateTime);
}
