using System.Globalization;

namespace PositionManager.Cli.Output;

/// <summary>How values read in pmctl's human output.</summary>
public static class Text
{
    public static string Money(decimal? value) => value is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "-";

    public static string Number(double? value) => value is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "-";

    public static string Time(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string YesNo(bool value) => value ? "yes" : "no";
}
