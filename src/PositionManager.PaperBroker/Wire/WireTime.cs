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
}
