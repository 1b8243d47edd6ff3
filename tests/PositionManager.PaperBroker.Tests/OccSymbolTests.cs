using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Tests;

/// <summary>
/// The broker's own OCC reading, which decides what it treats as an option (order rules, quotes,
/// the quote stream, default price paths): ROOT (1-6) + YYMMDD + C|P + strike × 1000 in 8 digits.
/// </summary>
public sealed class OccSymbolTests
{
    [Theory]
    [InlineData("SPY250620P00550000", "SPY", 2025, 6, 20, 'P', "550")]
    [InlineData("GOOGL260220C00340000", "GOOGL", 2026, 2, 20, 'C', "340")]
    [InlineData("A251219C00005500", "A", 2025, 12, 19, 'C', "5.5")]
    [InlineData("SPXW270115C05000000", "SPXW", 2027, 1, 15, 'C', "5000")]
    [InlineData("AAPL1250117C00150000", "AAPL1", 2025, 1, 17, 'C', "150")]
    [InlineData("ABCDEF300101P00012345", "ABCDEF", 2030, 1, 1, 'P', "12.345")]
    [InlineData("XYZ991231P99999999", "XYZ", 2099, 12, 31, 'P', "99999.999")]
    [InlineData("QQQ000103C00000001", "QQQ", 2000, 1, 3, 'C', "0.001")]
    [InlineData("IWM280229P00200000", "IWM", 2028, 2, 29, 'P', "200")]
    public void A_valid_symbol_reads_as_its_root_expiry_right_and_strike(string symbol, string root, int year, int month, int day, char right, string strike)
    {
        Assert.True(OccSymbol.TryRead(symbol, out var contract));

        Assert.Equal(root, contract.Root);
        Assert.Equal(new DateOnly(year, month, day), contract.Expiry);
        Assert.Equal(right, contract.Right);
        Assert.Equal(decimal.Parse(strike, System.Globalization.CultureInfo.InvariantCulture), contract.Strike);
        Assert.Equal(symbol, contract.ToString());
        Assert.True(OccSymbol.IsOption(symbol));
    }

    [Theory]
    [InlineData("AAPL")]
    [InlineData("SPY")]
    [InlineData("A")]
    [InlineData("GOOGL")]
    [InlineData("BRK.B")]
    [InlineData("SPXW")]
    public void A_stock_ticker_is_not_an_option(string ticker) => Assert.False(OccSymbol.IsOption(ticker));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("250620P00550000")] // no root: 15 characters
    [InlineData("ABCDEFG250620P00550000")] // a root of 7: 22 characters
    [InlineData("SPY250620P0055000")] // strike of 7 digits
    [InlineData("SPY250620P005500000")] // strike of 9 digits
    [InlineData("SPY2506P00550000")] // expiry of 4 digits
    [InlineData("SPY   250620P00550000")] // OCC's padded 21-character form; Alpaca's is unpadded
    [InlineData(" SPY250620P00550000")]
    [InlineData("SPY250620P00550000 ")]
    public void A_symbol_of_the_wrong_length_or_shape_is_not_an_option(string? symbol) =>
        Assert.False(OccSymbol.TryRead(symbol, out _));

    [Theory]
    [InlineData("SPY251320P00550000")] // month 13
    [InlineData("SPY250020P00550000")] // month 0
    [InlineData("SPY250600P00550000")] // day 0
    [InlineData("SPY250631P00550000")] // 31 June
    [InlineData("SPY250229P00550000")] // 29 February in a common year
    [InlineData("SPY2506X0P00550000")] // a letter in the date
    [InlineData("SPY25062\u0661P00550000")] // an Arabic-Indic digit one: not ASCII 0-9
    public void A_symbol_whose_expiry_is_not_a_calendar_date_is_not_an_option(string symbol) =>
        Assert.False(OccSymbol.IsOption(symbol));

    [Theory]
    [InlineData("SPY250620X00550000")]
    [InlineData("SPY250620A00550000")]
    [InlineData("SPY250620-00550000")]
    [InlineData("SPY250620c00550000")]
    [InlineData("SPY250620p00550000")]
    public void A_right_other_than_C_or_P_is_not_an_option(string symbol) => Assert.False(OccSymbol.IsOption(symbol));

    [Theory]
    [InlineData("spy250620p00550000")]
    [InlineData("spy250620P00550000")]
    [InlineData("Spy250620P00550000")]
    [InlineData("SPy250620P00550000")]
    public void Lower_case_is_not_an_option(string symbol) => Assert.False(OccSymbol.IsOption(symbol));

    [Theory]
    [InlineData("SPY250620P00000000")] // strike zero
    [InlineData("1SPY250620P00550000")] // a root starting with a digit
    [InlineData("S.Y250620P00550000")]
    [InlineData("SPY250620P0055O000")] // the letter O in the strike
    public void A_zero_strike_or_a_root_or_strike_of_other_characters_is_not_an_option(string symbol) =>
        Assert.False(OccSymbol.IsOption(symbol));

    [Fact]
    public void Spelling_a_contract_gives_the_symbol_that_reads_back_as_it()
    {
        var spelled = OccSymbol.Spell("SPY", new DateOnly(2025, 6, 20), OccSymbol.Put, 550m);

        Assert.Equal("SPY250620P00550000", spelled);
        Assert.True(OccSymbol.TryRead(spelled, out var contract));
        Assert.Equal(new OccSymbol("SPY", new DateOnly(2025, 6, 20), OccSymbol.Put, 550m), contract);
        Assert.Equal("A301231C00000500", OccSymbol.Spell("A", new DateOnly(2030, 12, 31), OccSymbol.Call, 0.5m));
    }

    [Fact]
    public void Spelling_refuses_what_would_not_read_back()
    {
        var expiry = new DateOnly(2025, 6, 20);

        Assert.Throws<ArgumentException>(() => OccSymbol.Spell("", expiry, OccSymbol.Call, 1m));
        Assert.Throws<ArgumentException>(() => OccSymbol.Spell("ABCDEFG", expiry, OccSymbol.Call, 1m));
        Assert.Throws<ArgumentException>(() => OccSymbol.Spell("spy", expiry, OccSymbol.Call, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", new DateOnly(2100, 1, 1), OccSymbol.Call, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", new DateOnly(1999, 12, 31), OccSymbol.Call, 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", expiry, 'c', 1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", expiry, OccSymbol.Call, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", expiry, OccSymbol.Call, 1.0005m));
        Assert.Throws<ArgumentOutOfRangeException>(() => OccSymbol.Spell("SPY", expiry, OccSymbol.Call, 100_000m));
    }

    [Fact]
    public void A_two_digit_year_is_this_century_whatever_its_value()
    {
        Assert.True(OccSymbol.TryRead("SPY500620P00550000", out var contract));

        Assert.Equal(new DateOnly(2050, 6, 20), contract.Expiry);
    }
}
