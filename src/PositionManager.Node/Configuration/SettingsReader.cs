using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PositionManager.Node.Configuration;

/// <summary>
/// Reads typed settings and collects every problem as one readable phrase naming the environment
/// variable to fix (<c>PositionManager__ExitPolicy__TrailingStopPercent: 'abc' is not a number</c>),
/// so a bad start ends with one clear line instead of a binder's exception. An empty value counts
/// as unset: that is how an environment variable switches off what appsettings.json set.
/// </summary>
internal sealed class SettingsReader(IConfiguration configuration)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public static string VariableName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    public void Problem(string key, string problem) => _problems.Add($"{VariableName(key)}: {problem}");

    public void Problem(string problem) => _problems.Add(problem);

    public string? Text(string key) => configuration[key] is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whether the key is given at all, an empty value included: in a policy rule an empty value unsets the default's.</summary>
    public bool IsWritten(string key) => configuration[key] is not null;

    /// <summary>Whether anything is set at or under the key (a list entry such as <c>PositionManager:Policies:0</c>).</summary>
    public bool Exists(string key) => configuration.GetSection(key).Exists();

    public decimal? Decimal(string key)
    {
        if (Text(key) is not { } text)
        {
            return null;
        }

        // No thousands separators: "1,5" written as one and a half must not read as fifteen.
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem(key, $"'{text}' is not a number");
        return null;
    }

    public bool Boolean(string key, bool fallback)
    {
        if (Text(key) is not { } text)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(key, $"'{text}' is not true or false");
        return fallback;
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; <paramref name="what"/> names it in the problem (<c>a port (1-65535)</c>).</summary>
    public int Number(string key, int fallback, int minimum, int maximum, string what)
    {
        if (Text(key) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
        {
            Problem(key, $"'{text}' is not {what}");
            return fallback;
        }

        return value;
    }

    /// <summary>A duration as <c>hh:mm:ss[.fff]</c> or with a unit: <c>500ms</c>, <c>2s</c>, <c>1m</c>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan minimum) => Duration(key, fallback, minimum, TimeSpan.MaxValue);

    /// <summary>A duration no shorter than <paramref name="minimum"/> and no longer than <paramref name="maximum"/>.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, TimeSpan minimum, TimeSpan maximum)
    {
        if (Text(key) is not { } text)
        {
            return fallback;
        }

        if (!TryParseDuration(text, out var value))
        {
            Problem(key, $"'{text}' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)");
            return fallback;
        }

        if (value < minimum)
        {
            Problem(key, $"{text} is shorter than the minimum of {Seconds(minimum)}");
            return fallback;
        }

        if (value > maximum)
        {
            Problem(key, $"{text} is longer than the maximum of {Seconds(maximum)}");
            return fallback;
        }

        return value;
    }

    public static string Seconds(TimeSpan duration) => $"{duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";

    /// <summary>Any key under <paramref name="section"/> that is not known is a problem: a typo must not silently leave a default in force.</summary>
    public void RejectUnknown(string section, IReadOnlySet<string> known)
    {
        foreach (var entry in configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
        {
            if (entry.Value is not null && !known.Contains(entry.Key))
            {
                Problem($"{VariableName($"{section}:{entry.Key}")} is not a setting (a typo would leave a default in force)");
            }
        }
    }

    private static bool TryParseDuration(string text, out TimeSpan value)
    {
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds),
            ("s", TimeSpan.FromSeconds),
            ("m", TimeSpan.FromMinutes),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && double.IsFinite(amount))
            {
                value = make(amount);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }
}
