using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PositionManager.Domain.Exits;

/// <summary>
/// Scale-outs as an operator writes them: <c>50:50,75:25</c> is "at +50% over entry close 50% of
/// the original quantity, at +75% another 25%". Each pair is gain:percent, the gains rising; the
/// empty text is no scale-outs. A parsed list is one <see cref="ExitPolicy.Problems"/> accepts.
/// </summary>
public static class ScaleOutText
{
    public const string Example = "50:50,75:25";

    public static bool TryParse(string? text, [NotNullWhen(true)] out IReadOnlyList<ScaleOutTarget>? targets, [NotNullWhen(false)] out string? problem)
    {
        targets = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            targets = [];
            problem = null;
            return true;
        }

        var pairs = text.Split(',');
        if (pairs.Length > ExitPolicy.MaxScaleOuts)
        {
            problem = $"'{text}' has {pairs.Length} scale-outs; at most {ExitPolicy.MaxScaleOuts}";
            return false;
        }

        var parsed = new List<ScaleOutTarget>(pairs.Length);
        var total = 0m;
        foreach (var raw in pairs)
        {
            var pair = raw.Trim();
            var parts = pair.Split(':');
            if (pair.Length == 0 || parts.Length != 2)
            {
                problem = $"'{pair}' in '{text}' is not gain:percent (for example {Example})";
                return false;
            }

            if (!TryNumber(parts[0], out var gain) || gain <= 0)
            {
                problem = $"gain '{parts[0].Trim()}' in '{pair}' must be a positive number of percent over entry (for example {Example})";
                return false;
            }

            if (!TryNumber(parts[1], out var percent) || percent is <= 0 or > 100)
            {
                problem = $"'{parts[1].Trim()}' in '{pair}' must be a percent of the original quantity above 0 and at most 100 (for example {Example})";
                return false;
            }

            if (parsed.Count > 0 && gain <= parsed[^1].GainPercent)
            {
                problem = $"'{pair}' must be at a higher gain than the scale-out before it (+{Number(parsed[^1].GainPercent)}%): list them from the lowest gain up";
                return false;
            }

            total += percent;
            if (total > 100)
            {
                problem = $"'{text}' closes {Number(total)}% of the original quantity in all; at most 100%";
                return false;
            }

            parsed.Add(new ScaleOutTarget(gain, percent));
        }

        targets = parsed;
        problem = null;
        return true;
    }

    /// <exception cref="FormatException">The text is not a valid list; the message says why.</exception>
    public static IReadOnlyList<ScaleOutTarget> Parse(string? text) =>
        TryParse(text, out var targets, out var problem) ? targets : throw new FormatException(problem);

    /// <summary>The text form of a list, so that <see cref="Parse"/> gives it back: <c>50:50,75:25</c>.</summary>
    public static string Format(IReadOnlyList<ScaleOutTarget> targets) =>
        string.Join(",", targets.Select(t => $"{Number(t.GainPercent)}:{Number(t.ClosePercentOfOriginal)}"));

    // Plain decimals only: no thousands separators, exponents or currency, whatever the culture.
    private static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
