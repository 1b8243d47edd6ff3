using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Tests;

public class OptionSymbolTests
{
    [Fact]
    public void Parses_a_call_into_root_expiry_right_and_strike()
    {
        var symbol = OptionSymbol.Parse("GOOGL260220C00340000");

        Assert.Equal("GOOGL", symbol.Root);
        Assert.Equal(new DateOnly(2026, 2, 20), symbol.Expiry);
        Assert.Equal(OptionRight.Call, symbol.Right);
        Assert.Equal(340m, symbol.Strike);
    }

    [Fact]
    public void Parses_a_put_with_a_fractional_strike()
    {
        var symbol = OptionSymbol.Parse("SPY250117P00450500");

        Assert.Equal("SPY", symbol.Root);
        Assert.Equal(new DateOnly(2025, 1, 17), symbol.Expiry);
        Assert.Equal(OptionRight.Put, symbol.Right);
        Assert.Equal(450.5m, symbol.Strike);
    }

    [Theory]
    [InlineData("SPY500117P00450000", 2050)]
    [InlineData("SPY991231C00450000", 2099)]
    [InlineData("SPY000121C00450000", 2000)]
    public void A_two_digit_year_is_read_in_the_2000s_as_OCC_means_it(string text, int year)
    {
        var symbol = OptionSymbol.Parse(text);

        Assert.Equal(year, symbol.Expiry.Year);
        Assert.Equal(text, OptionSymbol.Create(symbol.Root, symbol.Expiry, symbol.Right, symbol.Strike).Value);
    }

    [Theory]
    [InlineData("GOOGL260220C00340000")]
    [InlineData("SPY250117P00450500")]
    [InlineData("LCID1260116C00002500")]
    [InlineData("SPXW261218P05000000")]
    [InlineData("F260116C00000500")]
    public void Formats_back_to_the_same_text(string text)
    {
        Assert.Equal(text, OptionSymbol.Parse(text).Value);
        Assert.Equal(text, OptionSymbol.Parse(text).ToString());
    }

    [Fact]
    public void Create_formats_the_strike_in_thousandths_over_eight_digits()
    {
        var symbol = OptionSymbol.Create("SPY", new DateOnly(2025, 1, 17), OptionRight.Put, 450.5m);

        Assert.Equal("SPY250117P00450500", symbol.Value);
    }

    [Theory]
    [InlineData("GOOGL", "stock ticker")]
    [InlineData("SPY", "stock ticker")]
    [InlineData("", "empty")]
    [InlineData("GOOGL 260220C00340000", "white space")]
    [InlineData("googl260220C00340000", "lower-case")]
    [InlineData("GOOGL261320C00340000", "calendar date")]
    [InlineData("GOOGL260230C00340000", "calendar date")]
    [InlineData("GOOGL260220X00340000", "does not match")]
    [InlineData("GOOGL260220C0034000", "does not match")]
    [InlineData("TOOLONG1260220C00340000", "length")]
    [InlineData("GOOGL260220C00000000", "strike is zero")]
    [InlineData("1BC260220C00340000", "does not match")]
    public void Rejects_what_is_not_an_OCC_symbol_and_says_why(string text, string reasonFragment)
    {
        var parsed = OptionSymbol.TryParse(text, out var symbol, out var reason);

        Assert.False(parsed);
        Assert.Null(symbol);
        Assert.Contains(reasonFragment, reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Null_is_not_a_symbol()
    {
        Assert.False(OptionSymbol.TryParse(null, out _, out var reason));
        Assert.Equal("empty", reason);
    }

    [Fact]
    public void Parse_throws_with_the_reason_for_a_stock_ticker()
    {
        var error = Assert.Throws<FormatException>(() => OptionSymbol.Parse("GOOGL"));

        Assert.Contains("stock ticker", error.Message);
    }

    [Theory]
    [InlineData("spy")]
    [InlineData("TOOLONG")]
    [InlineData("")]
    public void Create_refuses_a_bad_root(string root)
    {
        Assert.Throws<ArgumentException>(() => OptionSymbol.Create(root, new DateOnly(2026, 1, 16), OptionRight.Call, 10m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.0005)]
    [InlineData(100000)]
    public void Create_refuses_a_strike_that_cannot_be_written_in_eight_digits_of_thousandths(double strike)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OptionSymbol.Create("SPY", new DateOnly(2026, 1, 16), OptionRight.Call, (decimal)strike));
    }

    [Fact]
    public void Equal_symbols_are_equal_values()
    {
        Assert.Equal(OptionSymbol.Parse("SPY250117P00450500"), OptionSymbol.Create("SPY", new DateOnly(2025, 1, 17), OptionRight.Put, 450.500m));
    }
}
