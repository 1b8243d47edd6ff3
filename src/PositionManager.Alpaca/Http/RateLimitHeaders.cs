using System.Globalization;
using System.Net.Http.Headers;

namespace PositionManager.Alpaca.Http;

/// <summary>Alpaca's X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (Unix epoch seconds), present on every answer.</summary>
internal static class RateLimitHeaders
{
    public const string Limit = "X-RateLimit-Limit";
    public const string Remaining = "X-RateLimit-Remaining";
    public const string Reset = "X-RateLimit-Reset";

    public static int? ReadLimit(HttpResponseHeaders headers) =>
        ReadLong(headers, Limit) is { } value and > 0 and <= int.MaxValue ? (int)value : null;

    public static int? ReadRemaining(HttpResponseHeaders headers) =>
        ReadLong(headers, Remaining) is { } value and >= 0 and <= int.MaxValue ? (int)value : null;

    public static DateTimeOffset? ReadReset(HttpResponseHeaders headers)
    {
        // Bounds keep FromUnixTimeSeconds from throwing on a nonsense value; nonsense is then "absent".
        return ReadLong(headers, Reset) is { } seconds and > 0 and < 253_402_300_800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static long? ReadLong(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) &&
        long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
