using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;
using static PositionManager.Domain.Tests.Builders.Calendars;

namespace PositionManager.Domain.Tests;

/// <summary>Time exits on the market's real sessions: the expiry session's close and the days before expiry.</summary>
public class TimeExitTests
{
    // Expires on the half day after Thanksgiving 2026, which closes at 13:00 New York (18:00 UTC).
    private const string HalfDayExpiry = "SPY261127C00600000";

    private static PositionState Opened(ExitPolicy policy, DateTimeOffset at, string symbol = "GOOGL260220C00340000", int quantity = 4)
    {
        var empty = PositionState.New(symbol);
        var command = APosition.Long(quantity).Of(symbol).At(5.00m).With(policy).Command();
        return empty.Fold(PositionDecisions.Open(empty, command, at));
    }

    private static ExitTriggered? OnClock(PositionState state, DateTimeOffset now, ISessionCalendar? calendar = null) =>
        PositionDecisions.OnClock(state, MarketMoment.Open(now, calendar)).Events.OfType<ExitTriggered>().SingleOrDefault();

    [Theory]
    [InlineData(17, 29, 59, false)]
    [InlineData(17, 30, 0, true)]
    public void An_early_close_moves_the_exit_before_the_close_on_expiry_day(int hour, int minute, int second, bool due)
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 30)), NewYork(2026, 11, 27, 9, 45), HalfDayExpiry);
        var now = new DateTimeOffset(2026, 11, 27, hour, minute, second, TimeSpan.Zero);

        Assert.Equal(due, OnClock(state, now, Year2026) is { Reason: ExitReason.TimeExit, Quantity: 4 });
        Assert.Null(OnClock(state, now)); // the regular calendar thinks it closes at 16:00
    }

    [Fact]
    public void An_expiry_on_a_day_the_market_is_closed_exits_before_the_close_of_the_session_before()
    {
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 20, 0, 0, TimeSpan.Zero), ExitEvaluator.ExpiryClose(Year2026, GoodFriday2026));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero), ExitEvaluator.ExpiryClose(Year2026, DayAfterThanksgiving2026));
        Assert.Equal(new DateTimeOffset(2026, 2, 20, 21, 0, 0, TimeSpan.Zero), ExitEvaluator.ExpiryClose(SessionCalendar.Regular, new DateOnly(2026, 2, 21)));
    }

    [Fact]
    public void Without_any_session_near_the_expiry_the_exit_counts_from_1600_on_the_expiry_date()
    {
        var closed = new KnownSessionCalendar([], new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));

        Assert.Equal(new DateTimeOffset(2026, 6, 19, 20, 0, 0, TimeSpan.Zero), ExitEvaluator.ExpiryClose(closed, new DateOnly(2026, 6, 19)));
    }

    [Theory]
    [InlineData(2026, 2, 18, 23, 59, false)]
    [InlineData(2026, 2, 19, 0, 0, true)]
    [InlineData(2026, 2, 19, 15, 0, true)]
    [InlineData(2026, 2, 20, 9, 30, true)]
    public void The_exit_a_day_before_expiry_starts_at_new_york_midnight(int year, int month, int day, int hour, int minute, bool due)
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 1)), APosition.OpenedAt);

        Assert.Equal(due, OnClock(state, NewYork(year, month, day, hour, minute), Year2026) is { Reason: ExitReason.TimeExit, Quantity: 4 });
    }

    [Fact]
    public void A_contract_expiring_tomorrow_with_one_day_before_expiry_exits_whole_at_once()
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 1)), NewYork(2026, 2, 19, 10, 0), quantity: 7);

        var exit = OnClock(state, NewYork(2026, 2, 19, 10, 0, 1), Year2026);

        Assert.Equal((ExitReason.TimeExit, 7), (exit!.Reason, exit.Quantity));
    }
}
