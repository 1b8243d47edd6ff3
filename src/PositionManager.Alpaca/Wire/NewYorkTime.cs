using System.Globalization;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// Alpaca's calendar speaks New York wall times; this makes them instants with New York's offset on
/// that date. Needs the IANA zone America/New_York (tzdata, present in the .NET images). Without it
/// every conversion fails, naming the cause, instead of guessing an offset an hour off half the year.
/// </summary>
internal static class NewYorkTime
{
    public const string ZoneId = "America/New_York";

    private static readonly Lazy<TimeZoneInfo?> Zone = new(() =>
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    });

    /// <summary>"HH:MM", or "HHMM" as Alpaca's samples write session_open and session_close.</summary>
    public static bool TryParseWallTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["HH:mm", "HHmm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The instant of a New York wall time; false, with the reason, for a time that does not exist or occurs twice.</summary>
    public static bool TryInstant(DateOnly date, TimeOnly time, out DateTimeOffset instant, out string problem)
    {
        instant = default;
        if (Zone.Value is not { } zone)
        {
            problem = $"the time zone {ZoneId} is not installed on this machine (tzdata)";
            return false;
        }

        var wall = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall) || zone.IsAmbiguousTime(wall))
        {
            problem = $"{date:yyyy-MM-dd} {time:HH:mm} is not one instant in New York (a daylight-saving change)";
            return false;
        }

        instant = new DateTimeOffset(wall, zone.GetUtcOffset(wall));
        problem = "";
        return true;
    }
}
