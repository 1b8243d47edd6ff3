using PositionManager.Domain.Quotes;

namespace PositionManager.Domain.Tests;

public class QuoteSanityTests
{
    private const string Call = "GOOGL260220C00340000";
    private static readonly DateTimeOffset Now = new(2026, 2, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private static QuoteVerdict Check(double bid, double ask, double? last = null, TimeSpan? age = null, string symbol = Call) =>
        QuoteSanity.Check(new MarketQuote(symbol, bid, ask, last, Now - (age ?? TimeSpan.Zero)), Call, Now, MaxAge);

    [Fact]
    public void A_fresh_uncrossed_quote_is_sane_and_keeps_its_prices()
    {
        var verdict = Check(5.10, 5.20, 5.15);

        Assert.True(verdict.IsSane);
        Assert.Equal(5.10m, verdict.Quote!.Bid);
        Assert.Equal(5.20m, verdict.Quote.Ask);
        Assert.Equal(5.15m, verdict.Quote.Mid);
        Assert.Equal(5.15m, verdict.Quote.Last);
    }

    [Fact]
    public void A_locked_quote_is_sane()
    {
        Assert.True(Check(5.10, 5.10).IsSane);
    }

    [Theory]
    [InlineData(double.NaN, 5.2, null)]
    [InlineData(5.1, double.NaN, null)]
    [InlineData(double.PositiveInfinity, 5.2, null)]
    [InlineData(5.1, double.NegativeInfinity, null)]
    [InlineData(5.1, 5.2, double.NaN)]
    public void A_non_finite_price_is_rejected(double bid, double ask, double? last)
    {
        Assert.Equal(QuoteProblem.NonFinite, Check(bid, ask, last).Problem);
    }

    [Theory]
    [InlineData(0, 5.2, null)]
    [InlineData(5.1, 0, null)]
    [InlineData(-1, 5.2, null)]
    [InlineData(5.1, 5.2, 0.0)]
    public void A_zero_or_negative_price_is_rejected(double bid, double ask, double? last)
    {
        Assert.Equal(QuoteProblem.NonPositive, Check(bid, ask, last).Problem);
    }

    [Fact]
    public void An_absurd_price_is_rejected_instead_of_overflowing()
    {
        Assert.Equal(QuoteProblem.OutOfRange, Check(1e300, 1e301).Problem);
    }

    [Fact]
    public void A_crossed_quote_is_rejected()
    {
        var verdict = Check(5.30, 5.20);

        Assert.Equal(QuoteProblem.Crossed, verdict.Problem);
        Assert.Contains("crossed", verdict.Reason);
    }

    [Fact]
    public void A_quote_older_than_the_limit_is_stale()
    {
        Assert.True(Check(5.1, 5.2, age: MaxAge).IsSane);
        Assert.Equal(QuoteProblem.Stale, Check(5.1, 5.2, age: MaxAge + TimeSpan.FromMilliseconds(1)).Problem);
    }

    [Fact]
    public void A_quote_from_the_future_beyond_skew_is_rejected()
    {
        Assert.True(Check(5.1, 5.2, age: -QuoteSanity.FutureTolerance).IsSane);
        Assert.Equal(QuoteProblem.FromTheFuture, Check(5.1, 5.2, age: -QuoteSanity.FutureTolerance - TimeSpan.FromSeconds(1)).Problem);
    }

    [Fact]
    public void A_quote_for_another_symbol_is_rejected()
    {
        Assert.Equal(QuoteProblem.WrongSymbol, Check(5.1, 5.2, symbol: "GOOGL").Problem);
    }

    [Fact]
    public void Binary_noise_in_prices_is_rounded_away()
    {
        Assert.Equal(0.3m, Check(0.1 + 0.2, 0.4).Quote!.Bid);
    }

    [Theory]
    [InlineData(PriceSource.Bid, 5.10)]
    [InlineData(PriceSource.Ask, 5.20)]
    [InlineData(PriceSource.Mid, 5.15)]
    [InlineData(PriceSource.Last, 5.12)]
    public void Each_price_source_reads_its_price(PriceSource source, double expected)
    {
        Assert.Equal((decimal)expected, Check(5.10, 5.20, 5.12).Quote!.PriceFor(source));
    }

    [Fact]
    public void Last_is_absent_when_no_trade_was_reported()
    {
        Assert.Null(Check(5.10, 5.20).Quote!.PriceFor(PriceSource.Last));
    }
}
