using System.Globalization;
using System.Text.RegularExpressions;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// RFC 3339 date-times as Alpaca writes them (<c>2022-04-28T14:07:04.451420928-04:00</c>, nine
/// fractional digits at most): the offset, or Z, is required. Without one a time names no instant,
/// and a parser would quietly take this machine's zone.
/// </summary>
internal static partial class WireInstant
{
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null && Rfc3339().IsMatch(text) &&
               DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
