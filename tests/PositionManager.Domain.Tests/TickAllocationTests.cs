using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary>The tick path stays cheap: the time rules, the calendar and the market's clock add no allocation to a quiet tick.</summary>
public class TickAllocationTests
{
    private const int Ticks = 2_000;

    private static readonly ExitPolicy Plain = new(StopLossPercent: 50, Trailing: TrailingStopRule.Percent(10));

    private static readonly ExitPolicy Everything = new(
        StopLossPercent: 50,
        TakeProfitPercent: 200,
        Trailing: TrailingStopRule.Giveback(25),
        ScaleOuts: ScaleOutText.Parse("50:50,75:25"),
        TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 30, DaysBeforeExpiry: 1, MinutesBeforeClose: 10, MaxHold: TimeSpan.FromDays(3)),
        MinHold: TimeSpan.FromMinutes(5));

    private static long BytesPerQuietTick(ExitPolicy policy, MarketMoment market)
    {
        var state = APosition.Long(10).At(5.00m).With(policy).Build().Tick(6.00m).State; // peak 6.00
        var quote = Builders.Quotes.Bid(state, 5.90m, market.Now);
        for (var i = 0; i < 100; i++)
        {
            PositionDecisions.OnQuote(state, quote, market, Builders.Quotes.MaxAge);
        }

        var events = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Ticks; i++)
        {
            events += PositionDecisions.OnQuote(state, quote, market, Builders.Quotes.MaxAge).Events.Count;
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, events);
        return bytes / Ticks;
    }

    [Fact]
    public void A_quiet_tick_under_every_rule_allocates_no_more_than_under_a_plain_trail()
    {
        var now = APosition.OpenedAt.AddMinutes(10);
        var plain = BytesPerQuietTick(Plain, MarketMoment.WithoutClock(now));

        Assert.Equal(plain, BytesPerQuietTick(Everything, MarketMoment.WithoutClock(now)));
        Assert.Equal(plain, BytesPerQuietTick(Everything, MarketMoment.Open(now, Calendars.Year2026)));
    }

    [Fact]
    public void A_tick_while_the_market_is_closed_allocates_nothing()
    {
        Assert.Equal(0, BytesPerQuietTick(Everything, MarketMoment.Closed(APosition.OpenedAt.AddHours(9), Calendars.Year2026)));
    }
}
