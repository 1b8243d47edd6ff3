using System.Globalization;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>Alpaca's string decimals: quantities as plain numbers ("10"), prices with at least two places ("5.00").</summary>
public static class WireDecimal
{
    public static string Qty(decimal value) => value.ToString("0.#########", CultureInfo.InvariantCulture);

    public static string Price(decimal value) => value.ToString("0.00########", CultureInfo.InvariantCulture);

    public static string? Price(decimal? value) => value is { } v ? Price(v) : null;

    public static string? Qty(decimal? value) => value is { } v ? Qty(v) : null;
}
