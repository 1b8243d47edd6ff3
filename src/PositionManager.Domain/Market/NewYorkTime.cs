namespace PositionManager.Domain.Market;

/// <summary>US listed options trade on New York time; dates of sessions and expiries are New York dates.</summary>
public static class NewYorkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    /// <summary>The New York date of an instant: 2026-02-18 03:00 UTC is still the 17th there.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>The instant of a New York wall-clock time on a date, with that day's offset (EST or EDT).</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
