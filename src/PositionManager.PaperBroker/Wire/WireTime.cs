using System.Globalization;

namespace PositionManager.PaperBroker.Wire;

/// <summary>RFC 3339 times as Alpaca writes them: UTC with a Z for orders, the exchange offset for the clock.</summary>
public static class WireTime
{
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string? Utc(DateTimeOffset? time) => time is { } t ? Utc(t) : null;

    public static string WithOffset(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture);

    /// <summary>Whole seconds with the offset, as Alpaca writes the clock's next_open and next_close.</summary>
    public static string WithOffsetSeconds(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A calendar's "HH:MM".</summary>
    public static string Clock(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A calendar's session_open/session_close: "HHMM", as Alpaca's samples write them.</summary>
    public static string CompactClock(TimeOnly time) => time.ToString("HHmm", CultureInfo.InvariantCulture);
}
