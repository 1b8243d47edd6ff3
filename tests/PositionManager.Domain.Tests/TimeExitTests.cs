using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;
using static PositionManager.Domain.Tests.Builders.Calendars;

namespace PositionManager.Domain.Tests;

/// <summary>Time exits on the market's real sessions: the expiry session's close, every session's close, holding times.</summary>
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

    [Theory]
    [InlineData(15, 44, 59, false)]
    [InlineData(15, 45, 0, true)]
    [InlineData(15, 59, 0, true)]
    public void Every_session_the_position_closes_minutes_before_the_close(int hour, int minute, int second, bool due)
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), NewYork(2026, 2, 2, 10, 0));

        Assert.Equal(due, OnClock(state, NewYork(2026, 2, 2, hour, minute, second), Year2026) is { Reason: ExitReason.TimeExit });
    }

    [Theory]
    [InlineData(12, 44, 59, false)]
    [InlineData(12, 45, 0, true)]
    public void A_half_day_moves_the_close_of_every_session_with_it(int hour, int minute, int second, bool due)
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), NewYork(2026, 11, 27, 9, 40));
        var now = NewYork(2026, 11, 27, hour, minute, second);

        Assert.Equal(due, OnClock(state, now, Year2026) is not null);
        Assert.Null(OnClock(state, now)); // the regular calendar waits for 15:45
    }

    [Fact]
    public void A_position_opened_after_the_close_is_held_to_the_next_session_close()
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), NewYork(2026, 2, 13, 17, 0));

        Assert.Null(OnClock(state, NewYork(2026, 2, 13, 17, 30), Year2026));
        Assert.Null(OnClock(state, NewYork(2026, 2, 17, 15, 44, 59), Year2026)); // over a weekend and Presidents' Day
        Assert.NotNull(OnClock(state, NewYork(2026, 2, 17, 15, 45), Year2026));
    }

    [Fact]
    public void A_position_opened_within_the_minutes_before_a_close_closes_at_once()
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), NewYork(2026, 2, 2, 15, 50));

        Assert.NotNull(OnClock(state, NewYork(2026, 2, 2, 15, 50, 1), Year2026));
    }

    [Fact]
    public void A_position_still_held_after_its_session_closed_exits_at_the_next_open()
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), NewYork(2026, 2, 2, 10, 0));

        Assert.Null(PositionDecisions.OnClock(state, MarketMoment.Closed(NewYork(2026, 2, 2, 20, 0), Year2026)).Events.SingleOrDefault());
        Assert.NotNull(OnClock(state, NewYork(2026, 2, 3, 9, 30), Year2026));
    }

    [Theory]
    [InlineData(119, 59, false)]
    [InlineData(120, 0, true)]
    [InlineData(500, 0, true)]
    public void Max_hold_exits_once_the_position_is_held_that_long(int minutes, int seconds, bool due)
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromHours(2))), APosition.OpenedAt);

        Assert.Equal(due, OnClock(state, APosition.OpenedAt + new TimeSpan(0, minutes, seconds)) is { Reason: ExitReason.TimeExit, Quantity: 4 });
    }

    [Fact]
    public void Max_hold_counts_from_the_journaled_open_after_a_restart()
    {
        var empty = PositionState.New("GOOGL260220C00340000");
        var adopted = APosition.Long(4).At(5.00m).With(new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromHours(2)))).Command() with { Origin = OpenOrigin.Adopted };
        IPositionEvent[] journal = [.. PositionDecisions.Open(empty, adopted, APosition.OpenedAt).Events, new PeakRaised(5.50m, null, false, APosition.OpenedAt.AddMinutes(30))];

        var recovered = journal.Aggregate(empty, (s, e) => s.Apply(e)); // a node started again three hours later

        Assert.Equal(APosition.OpenedAt, recovered.OpenedAt);
        Assert.Null(OnClock(recovered, APosition.OpenedAt.AddHours(2).AddSeconds(-1)));
        Assert.NotNull(OnClock(recovered, APosition.OpenedAt.AddHours(3)));
    }

    [Fact]
    public void Max_hold_of_a_contract_adopted_again_counts_from_the_new_adoption()
    {
        var policy = new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromHours(2)));
        var state = Opened(policy, APosition.OpenedAt);
        var closed = state.Fold(PositionDecisions.OnBrokerFlat(state, "sold elsewhere", APosition.OpenedAt.AddHours(1)));
        var later = APosition.OpenedAt.AddHours(5);
        var again = closed.Fold(PositionDecisions.Open(closed, APosition.Long(2).At(4m).With(policy).Command() with { Origin = OpenOrigin.AdoptedAgain }, later));

        Assert.Null(OnClock(again, later.AddHours(1)));
        Assert.NotNull(OnClock(again, later.AddHours(2)));
    }

    [Fact]
    public void A_time_exit_due_while_the_market_is_closed_fires_on_the_first_evaluation_after_the_open()
    {
        var state = Opened(new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromHours(1))), NewYork(2026, 2, 2, 15, 30));
        var night = NewYork(2026, 2, 2, 22, 0);

        Assert.Empty(PositionDecisions.OnClock(state, MarketMoment.Closed(night, Year2026)).Events);
        Assert.True(state.Tick(5.10m, MarketMoment.Closed(night, Year2026)).Decision.IsRefused);
        Assert.Equal(ExitReason.TimeExit, state.Tick(5.10m, MarketMoment.Open(NewYork(2026, 2, 3, 9, 30), Year2026)).Decision.Single<ExitTriggered>().Reason);
    }

    [Theory]
    [InlineData(-1, null, null, "time exit -1 minutes before the close on expiry day must be 0-390")]
    [InlineData(391, null, null, "time exit 391 minutes before the close on expiry day must be 0-390")]
    [InlineData(null, -1, null, "time exit -1 days before expiry must not be negative")]
    [InlineData(null, null, -1, "time exit -1 minutes before each session's close must be 0-390")]
    [InlineData(null, null, 391, "time exit 391 minutes before each session's close must be 0-390")]
    public void Bad_time_exits_say_what_is_wrong(int? onExpiry, int? days, int? everyDay, string problem)
    {
        Assert.Equal([problem], new ExitPolicy(TimeExit: new TimeExitRule(onExpiry, days, everyDay)).Problems());
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(390, 30, 390)]
    public void Time_exits_at_their_limits_are_valid(int onExpiry, int days, int everyDay)
    {
        Assert.Empty(new ExitPolicy(TimeExit: new TimeExitRule(onExpiry, days, everyDay, TimeSpan.FromMinutes(1))).Problems());
    }

    [Fact]
    public void Holding_times_must_be_positive_and_the_maximum_longer_than_the_minimum()
    {
        Assert.Equal(["maximum hold 00:00:00 must be positive"], new ExitPolicy(TimeExit: new TimeExitRule(MaxHold: TimeSpan.Zero)).Problems());
        Assert.Equal(["minimum hold -00:01:00 must be positive"], new ExitPolicy(MinHold: TimeSpan.FromMinutes(-1)).Problems());
        Assert.Equal(["maximum hold 00:30:00 must be longer than the minimum hold 00:30:00"], new ExitPolicy(MinHold: TimeSpan.FromMinutes(30), TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromMinutes(30))).Problems());
        Assert.Empty(new ExitPolicy(MinHold: TimeSpan.FromMinutes(30), TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromMinutes(31))).Problems());
    }

    [Fact]
    public void The_policy_text_names_every_time_exit()
    {
        var policy = new ExitPolicy(
            TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 30, DaysBeforeExpiry: 1, MinutesBeforeClose: 10, MaxHold: TimeSpan.FromMinutes(150)),
            MinHold: TimeSpan.FromMinutes(15));

        Assert.Equal(
            "close 1 day before expiry, close 30 min before the close on expiry day, close 10 min before every session's close, max hold 2h 30m, min hold 15m (stop loss only) on bid",
            ExitPolicyText.Describe(policy));
        Assert.Equal("close on expiry day on bid", ExitPolicyText.Describe(new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 0))));
    }
}
