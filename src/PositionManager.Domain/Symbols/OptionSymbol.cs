using System.Globalization;
using System.Text.RegularExpressions;

namespace PositionManager.Domain.Symbols;

/// <summary>
/// An OCC option contract symbol exactly as Alpaca spells it: ROOT (1-6 letters or digits, no
/// padding) + YYMMDD + C|P + strike × 1000 in 8 digits. A stock ticker can never be one, which is
/// what stops an exit from selling the underlying (the predecessor's first bug).
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(OptionSymbolJsonConverter))]
public sealed partial record OptionSymbol
{
    private const int MaxStrikeThousandths = 99_999_999;

    private OptionSymbol(string root, DateOnly expiry, OptionRight right, decimal strike)
    {
        Root = root;
        Expiry = expiry;
        Right = right;
        Strike = strike;
        Value = Format(root, expiry, right, strike);
    }

    /// <summary>The OCC root. Not always the underlying (adjusted contracts, SPXW): take the
    /// underlying from the broker's contract data, never by trimming this.</summary>
    public string Root { get; }

    public DateOnly Expiry { get; }

    public OptionRight Right { get; }

    public decimal Strike { get; }

    /// <summary>The canonical 15+root character symbol sent on the wire.</summary>
    public string Value { get; }

    public static OptionSymbol Parse(string text) =>
        TryParse(text, out var symbol, out var reason)
            ? symbol
            : throw new FormatException($"'{text}' is not an OCC option symbol: {reason}");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OptionSymbol? symbol, out string reason)
    {
        symbol = null;
        if (string.IsNullOrEmpty(text))
        {
            reason = "empty";
            return false;
        }

        var match = OccPattern().Match(text);
        if (!match.Success)
        {
            reason = DescribeShapeFailure(text);
            return false;
        }

        var root = match.Groups["root"].Value;
        // OCC's two-digit year is 20YY. "yy" alone would read 50-99 as 1950-1999 (the calendar's
        // two-digit cutoff), which Create then refuses: parse and format must agree.
        if (!DateOnly.TryParseExact("20" + match.Groups["expiry"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiry))
        {
            reason = $"expiry '{match.Groups["expiry"].Value}' is not a calendar date (YYMMDD)";
            return false;
        }

        var thousandths = int.Parse(match.Groups["strike"].Value, CultureInfo.InvariantCulture);
        if (thousandths == 0)
        {
            reason = "strike is zero";
            return false;
        }

        var right = match.Groups["right"].Value == "C" ? OptionRight.Call : OptionRight.Put;
        symbol = new OptionSymbol(root, expiry, right, thousandths / 1000m);
        reason = string.Empty;
        return true;
    }

    public static OptionSymbol Create(string root, DateOnly expiry, OptionRight right, decimal strike)
    {
        if (!RootPattern().IsMatch(root))
        {
            throw new ArgumentException($"OCC root '{root}' must be 1-6 upper-case letters or digits starting with a letter", nameof(root));
        }

        var thousandths = strike * 1000m;
        if (strike <= 0 || thousandths != decimal.Truncate(thousandths) || thousandths > MaxStrikeThousandths)
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, "strike must be positive, in thousandths, below 100,000");
        }

        if (expiry.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "OCC expiries carry a two-digit year (2000-2099)");
        }

        return new OptionSymbol(root, expiry, right, strike);
    }

    public override string ToString() => Value;

    private static string Format(string root, DateOnly expiry, OptionRight right, decimal strike) =>
        string.Create(CultureInfo.InvariantCulture, $"{root}{expiry:yyMMdd}{(right == OptionRight.Call ? 'C' : 'P')}{(long)(strike * 1000m):D8}");

    private static string DescribeShapeFailure(string text)
    {
        if (text.Any(char.IsWhiteSpace))
        {
            return "contains white space (Alpaca's OCC symbols are unpadded)";
        }

        if (text.Any(char.IsLower))
        {
            return "contains lower-case letters";
        }

        if (text.Length <= 6 && RootPattern().IsMatch(text))
        {
            return "looks like a stock ticker: an option symbol needs expiry, C/P and strike after the root";
        }

        return text.Length is < 16 or > 21
            ? $"length {text.Length} is outside 16-21 (root of 1-6, YYMMDD, C/P, 8-digit strike)"
            : "does not match ROOT + YYMMDD + C|P + 8-digit strike";
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]{0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex RootPattern();

    [GeneratedRegex("^(?<root>[A-Z][A-Z0-9]{0,5})(?<expiry>[0-9]{6})(?<right>[CP])(?<strike>[0-9]{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex OccPattern();
}
