using System.Globalization;
using System.Text.RegularExpressions;

namespace PositionManager.Domain.Exits;

/// <summary>
/// A hold duration as an operator writes it, in a setting or on pmctl's command line: a short form
/// of whole or decimal units (<c>30m</c>, <c>4h</c>, <c>2d</c>, <c>1d 6h</c>, <c>1.5h</c>; units d, h,
/// m, s, ms) or .NET's TimeSpan text (<c>00:30:00</c>, <c>2.00:00:00</c>). What
/// <see cref="ExitPolicyText.Duration"/> writes reads back.
/// </summary>
public static partial class DurationText
{
    public const string Examples = "30m, 4h, 2d or 00:30:00";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();

        // A bare number is refused: TimeSpan reads "30" as thirty DAYS, where the writer of a hold
        // may well have meant minutes.
        if (trimmed.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out duration);
        }

        var match = ShortForm().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }

        var ticks = 0m;
        var amounts = match.Groups["amount"].Captures;
        var units = match.Groups["unit"].Captures;
        for (var index = 0; index < amounts.Count; index++)
        {
            var amount = decimal.Parse(amounts[index].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            ticks += amount * TicksPer(units[index].Value);
            if (ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }
        }

        duration = TimeSpan.FromTicks((long)decimal.Round(ticks));
        return true;
    }

    private static decimal TicksPer(string unit) => unit.ToLowerInvariant() switch
    {
        "d" => TimeSpan.TicksPerDay,
        "h" => TimeSpan.TicksPerHour,
        "m" => TimeSpan.TicksPerMinute,
        "s" => TimeSpan.TicksPerSecond,
        _ => TimeSpan.TicksPerMillisecond,
    };

    [GeneratedRegex(@"^(?:(?<amount>[0-9]{1,9}(?:\.[0-9]{1,9})?)\s*(?<unit>ms|d|h|m|s)\s*)+$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ShortForm();
}
