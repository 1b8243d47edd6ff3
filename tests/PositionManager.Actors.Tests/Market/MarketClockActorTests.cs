using Akka.Actor;
using Akka.TestKit;
using PositionManager.Actors.Market;
using PositionManager.Actors.Tests.Support;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Market;
using PositionManager.Persistence;
using Xunit.Abstractions;

namespace PositionManager.Actors.Tests.Market;

/// <summary>
/// When the node's market clock reads the broker's clock and calendar, and what positions see
/// meanwhile: a manual clock and Akka's TestScheduler move together, so every read is at a known
/// instant.
/// </summary>
public sealed class MarketClockActorTests(ITestOutputHelper output)
    : Akka.TestKit.Xunit2.TestKit(
        TestConfig.Local(JournalTarget.SqliteFile(":memory:"), "akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\""),
        output: output)
{
    // Monday 2026-11-23, New York on EST (-05:00); Friday the 27th closes at 13:00.
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly MarketClockSettings Settings = MarketClockSettings.Default with { CalendarRefresh = TimeSpan.FromMinutes(3) };

    private readonly MarketClockView _view = new();
    private ManualClock _time = null!;
    private ScriptedMarketCalendar _broker = null!;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void Reads_the_clock_at_start_every_minute_and_at_the_close_it_announced()
    {
        Start(At(Monday, 15, 58, 30), now => Regular(now));

        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 2);
        Assert.True(_view.At(_time.Now).IsOpen);
        AdvanceAndExpectReads(TimeSpan.FromSeconds(30), 3);

        Assert.Equal([At(Monday, 15, 58, 30), At(Monday, 15, 59, 30), At(Monday, 16, 0, 0)], _broker.ClockReads);
        Assert.False(_view.At(_time.Now).IsOpen);
        AdvanceAndExpectReads(TimeSpan.FromSeconds(30), 4);
    }

    [Fact]
    public void While_closed_it_reads_again_at_the_open_it_announced_and_positions_see_it_open()
    {
        Start(At(Monday, 9, 29, 20), now => Regular(now));
        Assert.False(_view.At(_time.Now).IsOpen);

        AdvanceAndExpectReads(TimeSpan.FromSeconds(40), 2);

        Assert.Equal(At(Monday, 9, 30, 0), _broker.ClockReads[^1]);
        var moment = _view.At(_time.Now);
        Assert.True(moment.IsOpen);
        Assert.Equal(MarketClockCondition.Readable, _view.Hours.Condition);
    }

    [Fact]
    public void Before_the_first_read_answers_the_market_counts_as_closed()
    {
        Assert.False(_view.At(At(Monday, 12, 0, 0)).IsOpen);
        Assert.Equal(MarketClockCondition.NotYetRead, _view.Hours.Condition);
    }

    [Fact]
    public void An_unreadable_clock_is_counted_logged_once_keeps_the_last_reading_until_its_close_then_counts_closed()
    {
        using var counters = new CounterListener(MetricsMeter.Name, "read");
        var readable = true;
        Start(At(Monday, 15, 58, 30), now => readable ? Regular(now) : new BrokerFailure.Transient("connection refused"));
        readable = false;

        EventFilter.Warning(contains: "market clock cannot be read").Expect(1, () =>
        {
            AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 2);

            // 15:59:30: the last reading still says when this session closes.
            Assert.True(_view.At(_time.Now).IsOpen);
            Assert.Equal(MarketClockCondition.Unreadable, _view.Hours.Condition);
            EventFilter.Error(contains: "counts as CLOSED").Expect(1, () =>
            {
                AdvanceAndExpectReads(TimeSpan.FromSeconds(30), 3);
                AdvanceAndExpectReads(TimeSpan.FromSeconds(30), 4);
            });
        });

        // 16:00:30, no reading since 15:58:30: closed, even if the broker's market were open now.
        Assert.False(_view.At(_time.Now).IsOpen);
        Assert.Equal(3, counters.Total("market_clock_read_failures_total/clock"));
        Assert.Contains("connection refused", _view.Hours.Problem, StringComparison.Ordinal);

        readable = true;
        _broker.Clock = now => AlwaysOpen(now);
        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 5);
        Assert.True(_view.At(_time.Now).IsOpen);
        Assert.Equal(MarketClockCondition.Readable, _view.Hours.Condition);
        Assert.Null(_view.Hours.Problem);
    }

    [Fact]
    public void The_calendar_around_today_gives_positions_the_real_close_of_a_half_day()
    {
        Start(At(Friday, 10, 0, 0), now => Regular(now, earlyClose: Friday), Sessions(earlyClose: Friday));

        AwaitAssert(() => Assert.Single(_broker.CalendarReads));
        Assert.Equal((Friday.AddDays(-14), Friday.AddDays(31)), _broker.CalendarReads[0]);
        AwaitAssert(() => Assert.Equal(At(Friday, 13, 0, 0), _view.At(_time.Now).Calendar.SessionOn(Friday)?.Close));
        Assert.Equal(At(Monday, 16, 0, 0), _view.At(_time.Now).Calendar.SessionOn(Monday)?.Close);
        Assert.Null(_view.At(_time.Now).Calendar.SessionOn(Friday.AddDays(1)));
    }

    [Fact]
    public void The_calendar_is_read_again_after_its_refresh_and_when_the_clock_names_a_close_it_lacks()
    {
        // First read: no early close known. The clock says Friday closes at 13:00.
        Start(At(Friday, 10, 0, 0), now => Regular(now, earlyClose: Friday), Sessions(earlyClose: null));
        AwaitAssert(() => Assert.Single(_broker.CalendarReads));
        _broker.Calendar = Sessions(earlyClose: Friday);

        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 2);
        AwaitAssert(() => Assert.Equal(2, _broker.CalendarReads.Count));
        AwaitAssert(() => Assert.Equal(At(Friday, 13, 0, 0), _view.At(_time.Now).Calendar.SessionOn(Friday)?.Close));

        // Now they agree: the next clock read reads no calendar, until the refresh is due.
        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 3);
        Assert.Equal(2, _broker.CalendarReads.Count);
        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 4);
        AdvanceAndExpectReads(TimeSpan.FromMinutes(1), 5);
        AwaitAssert(() => Assert.Equal(3, _broker.CalendarReads.Count));
    }

    [Fact]
    public void An_unreadable_calendar_is_counted_and_time_exits_keep_the_regular_closes()
    {
        using var counters = new CounterListener(MetricsMeter.Name, "read");
        Start(At(Friday, 10, 0, 0), now => Regular(now, earlyClose: Friday), (_, _) => new BrokerFailure.Malformed("not a calendar"));

        AwaitAssert(() => Assert.Equal(1, counters.Total("market_clock_read_failures_total/calendar")));
        Assert.Equal(At(Friday, 16, 0, 0), _view.At(_time.Now).Calendar.SessionOn(Friday)?.Close);
        Assert.True(_view.At(_time.Now).IsOpen);
    }

    private void Start(
        DateTimeOffset at,
        Func<DateTimeOffset, BrokerResult<BrokerClock>> clock,
        Func<DateOnly, DateOnly, BrokerResult<IReadOnlyList<Alpaca.Reference.TradingSession>>>? calendar = null)
    {
        _time = new ManualClock(at);
        _broker = new ScriptedMarketCalendar(_time) { Clock = clock };
        if (calendar is not null)
        {
            _broker.Calendar = calendar;
        }

        Sys.ActorOf(MarketClockActor.Props(_broker, _view, Settings, _time));
        AwaitAssert(() => Assert.Single(_broker.ClockReads));
        AwaitAssert(() => Assert.NotEqual(MarketClockCondition.NotYetRead, _view.Hours.Condition));
    }

    /// <summary>Moves both clocks, then waits until the reads due by then were made and answered.</summary>
    private void AdvanceAndExpectReads(TimeSpan by, int reads)
    {
        // Every answer, good or failed, publishes new hours: a change means the last read was handled.
        var before = _view.Hours;
        _time.Advance(by);
        Scheduler.Advance(by);
        AwaitAssert(() => Assert.Equal(reads, _broker.ClockReads.Count));
        AwaitAssert(() => Assert.NotSame(before, _view.Hours));
    }

    private static DateTimeOffset At(DateOnly date, int hour, int minute, int second) =>
        NewYorkTime.At(date, new TimeOnly(hour, minute, second));

    /// <summary>Weekdays 09:30-16:00 New York, 13:00 on the early close, as Alpaca's clock answers at that instant.</summary>
    private static BrokerResult<BrokerClock> Regular(DateTimeOffset now, DateOnly? earlyClose = null)
    {
        var calendar = Calendar(earlyClose);
        var session = calendar.FirstSessionClosingAfter(now)!.Value;
        var open = session.Contains(now);
        var nextOpen = open || now >= session.Open ? calendar.FirstSessionClosingAfter(session.Close)!.Value.Open : session.Open;
        return BrokerResult<BrokerClock>.Success(new BrokerClock(now, open, nextOpen, session.Close));
    }

    private static BrokerResult<BrokerClock> AlwaysOpen(DateTimeOffset now) =>
        BrokerResult<BrokerClock>.Success(new BrokerClock(now, true, now.AddDays(366), now.AddDays(365)));

    private static Func<DateOnly, DateOnly, BrokerResult<IReadOnlyList<Alpaca.Reference.TradingSession>>> Sessions(DateOnly? earlyClose) =>
        (from, to) =>
        {
            var calendar = Calendar(earlyClose);
            var sessions = new List<Alpaca.Reference.TradingSession>();
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (calendar.SessionOn(day) is { } s)
                {
                    sessions.Add(new Alpaca.Reference.TradingSession(s.Date, s.Open, s.Close, null, null));
                }
            }

            return BrokerResult<IReadOnlyList<Alpaca.Reference.TradingSession>>.Success(sessions);
        };

    private static ISessionCalendar Calendar(DateOnly? earlyClose)
    {
        var from = Monday.AddDays(-60);
        var to = Monday.AddDays(60);
        var sessions = new List<Domain.Market.TradingSession>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (SessionCalendar.Regular.SessionOn(day) is { } s)
            {
                sessions.Add(day == earlyClose ? Domain.Market.TradingSession.AtNewYork(day, new TimeOnly(9, 30), new TimeOnly(13, 0)) : s);
            }
        }

        return new KnownSessionCalendar(sessions, from, to);
    }
}
