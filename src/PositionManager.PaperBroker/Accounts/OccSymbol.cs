using System.Globalization;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// The paper broker's own reading of an OCC option contract symbol as Alpaca spells it, unpadded:
/// a root of 1-6 upper-case letters or digits starting with a letter, the expiry as YYMMDD (years
/// 2000-2099), C or P, and the strike in thousandths of a dollar as 8 digits, e.g.
/// <c>SPY250620P00550000</c> (SPY, 20 June 2025, put, $550). Anything else is not an option here:
/// a stock ticker, or a symbol Alpaca would not find.
/// </summary>
/// <remarks>
/// Written apart from PositionManager.Domain's <c>OptionSymbol</c> on purpose, by hand rather than
/// by pattern: the position manager is tested against this broker, and a double that asked the
/// code under test what an option is would agree with that code's mistakes instead of showing them.
/// </remarks>
public readonly record struct OccSymbol(string Root, DateOnly Expiry, char Right, decimal Strike)
{
    public const char Call = 'C';
    public const char Put = 'P';

    private const int DateLength = 6;
    private const int StrikeLength = 8;

    /// <summary>What follows the root: YYMMDD, the right's letter, the 8-digit strike.</summary>
    private const int TailLength = DateLength + 1 + StrikeLength;

    private const int MaxRootLength = 6;
    private const long MaxStrikeThousandths = 99_999_999;

    /// <summary>The symbol as Alpaca spells it.</summary>
    public override string ToString() => Root is null ? string.Empty : Spell(Root, Expiry, Right, Strike);

    public static bool IsOption(string? symbol) => TryRead(symbol, out _);

    public static bool TryRead(string? symbol, out OccSymbol contract)
    {
        contract = default;
        if (symbol is null || symbol.Length <= TailLength || symbol.Length > TailLength + MaxRootLength)
        {
            return false;
        }

        var rootLength = symbol.Length - TailLength;
        var root = symbol.AsSpan(0, rootLength);
        var date = symbol.AsSpan(rootLength, DateLength);
        var right = symbol[rootLength + DateLength];
        var strike = symbol.AsSpan(rootLength + DateLength + 1, StrikeLength);

        if (!IsRoot(root) || right is not (Call or Put) || !TryDigits(date, out _) || !TryDigits(strike, out var thousandths) || thousandths == 0)
        {
            return false;
        }

        TryDigits(date[..2], out var yy);
        TryDigits(date[2..4], out var month);
        TryDigits(date[4..], out var day);
        var year = 2000 + (int)yy;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, (int)month))
        {
            return false;
        }

        contract = new OccSymbol(root.ToString(), new DateOnly(year, (int)month, (int)day), right, thousandths / 1000m);
        return true;
    }

    /// <summary>The symbol of a contract; throws on what <see cref="TryRead"/> would not read back.</summary>
    public static string Spell(string root, DateOnly expiry, char right, decimal strike)
    {
        if (root is not { Length: > 0 and <= MaxRootLength } || !IsRoot(root))
        {
            throw new ArgumentException($"OCC root '{root}' is not 1-6 upper-case letters or digits starting with a letter", nameof(root));
        }

        if (expiry.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "an OCC expiry's year has two digits: 2000-2099");
        }

        if (right is not (Call or Put))
        {
            throw new ArgumentOutOfRangeException(nameof(right), right, "the right is C or P");
        }

        var thousandths = strike * 1000m;
        if (thousandths <= 0 || thousandths != decimal.Truncate(thousandths) || thousandths > MaxStrikeThousandths)
        {
            throw new ArgumentOutOfRangeException(nameof(strike), strike, "a strike is positive, whole in thousandths, below 100,000");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{root}{expiry.Year % 100:D2}{expiry.Month:D2}{expiry.Day:D2}{right}{(long)thousandths:D8}");
    }

    private static bool IsRoot(ReadOnlySpan<char> root)
    {
        if (root.IsEmpty || !IsAsciiUpper(root[0]))
        {
            return false;
        }

        foreach (var c in root)
        {
            if (!IsAsciiUpper(c) && !IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>ASCII 0-9 only (char.IsDigit would take other scripts' digits too).</summary>
    private static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsAsciiUpper(char c) => c is >= 'A' and <= 'Z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}
