using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Time;

/// <summary>
/// The simulated market's hours for <c>GET /v2/clock</c> and <c>GET /v2/calendar</c>, read on the
/// broker's clock (a manual one in tests). Times are New York's and reported with its offset, as
/// Alpaca reports them. The schedule can be changed while the broker runs (control API) and reset
/// to the configured one.
/// </summary>
/// <remarks>
/// Always open (the demo): the clock says open at every instant, with the next close
/// <see cref="AlwaysOpenHorizonDays"/> days ahead at 23:59 and the next open the day after at 00:00;
/// the calendar lists every date, weekends too, as a session 00:00-23:59 (Alpaca's calendar writes
/// HH:MM within one day, so it cannot say 24:00).
/// Sessions: Monday-Friday 09:30-16:00 (extended hours 04:00-20:00), none on a holiday, and
/// 13:00 (extended hours to 17:00) on an early close.
/// </remarks>
public sealed class MarketCalendar
{
    public const int AlwaysOpenHorizonDays = 365;

    public static readonly TimeOnly RegularOpen = new(9, 30);
    public static readonly TimeOnly RegularClose = new(16, 0);
    public static readonly TimeOnly EarlyClose = new(13, 0);
    public static readonly TimeOnly ExtendedOpen = new(4, 0);
    public static readonly TimeOnly ExtendedClose = new(20, 0);
    public static readonly TimeOnly ExtendedEarlyClose = new(17, 0);
    public static readonly TimeOnly DayStart = new(0, 0);
    public static readonly TimeOnly DayEnd = new(23, 59);

    /// <summary>The dates the calendar answers for; Alpaca's own covers 1970-2029.</summary>
    public static readonly DateOnly FirstDate = new(1970, 1, 1);
    public static readonly DateOnly LastDate = new(2099, 12, 31);

    /// <summary>Ten years without a session would be a schedule mistake, not a market.</summary>
    private const int MaxDaysToNextSession = 3660;

    private static readonly TimeZoneInfo NewYork = FindNewYork();

    private readonly Lock _gate = new();
    private readonly MarketSchedule _configured;
    private MarketSchedule _schedule;

    /// <exception cref="ArgumentException">The schedule has a <see cref="MarketSchedule.Problem"/>.</exception>
    public MarketCalendar(MarketSchedule schedule)
    {
        if (schedule.Problem() is { } problem)
        {
            throw new ArgumentException($"market schedule: {problem}", nameof(schedule));
        }

        _configured = schedule;
        _schedule = schedule;
    }

    public MarketSchedule Schedule
    {
        get
        {
            lock (_gate)
            {
                return _schedule;
            }
        }
    }

    /// <summary>Replaces the schedule from now on; a schedule with a problem is refused (422) and changes nothing.</summary>
    public BrokerError? Set(MarketSchedule schedule)
    {
        if (schedule.Problem() is { } problem)
        {
            return BrokerError.Invalid(problem);
        }

        lock (_gate)
        {
            _schedule = schedule;
        }

        return null;
    }

    /// <summary>Back to the schedule the broker was started with.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _schedule = _configured;
        }
    }

    /// <summary>The New York date at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, NewYork).DateTime);

    public MarketClock At(DateTimeOffset now)
    {
        var schedule = Schedule;
        var local = TimeZoneInfo.ConvertTime(now, NewYork);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (schedule.AlwaysOpen)
        {
            var lastDay = today.AddDays(AlwaysOpenHorizonDays);
            return new MarketClock(local, true, At(lastDay.AddDays(1), DayStart), At(lastDay, DayEnd));
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        var session = SessionOn(schedule, today);
        var inSession = session is not null && time >= session.Open && time < session.Close;
        var openDay = session is not null && time < session.Open ? today : NextSessionAfter(schedule, today);
        var closeDay = session is not null && time < session.Close ? today : NextSessionAfter(schedule, today);
        return new MarketClock(local, inSession, At(openDay, SessionOn(schedule, openDay)!.Open), At(closeDay, SessionOn(schedule, closeDay)!.Close));
    }

    /// <summary>The sessions on <paramref name="from"/> through <paramref name="to"/>, within <see cref="FirstDate"/>..<see cref="LastDate"/>.</summary>
    public IReadOnlyList<MarketSession> Sessions(DateOnly from, DateOnly to)
    {
        var schedule = Schedule;
        var sessions = new List<MarketSession>();
        for (var day = Max(from, FirstDate); day <= Min(to, LastDate); day = day.AddDays(1))
        {
            if (SessionOn(schedule, day) is { } session)
            {
                sessions.Add(session);
            }
        }

        return sessions;
    }

    private static MarketSession? SessionOn(MarketSchedule schedule, DateOnly day)
    {
        if (schedule.AlwaysOpen)
        {
            return new MarketSession(day, DayStart, DayEnd, DayStart, DayEnd, day.AddDays(1));
        }

        if (MarketSchedule.IsWeekend(day) || schedule.Holidays.Contains(day))
        {
            return null;
        }

        var early = schedule.EarlyCloses.Contains(day);
        return new MarketSession(
            day,
            RegularOpen,
            early ? EarlyClose : RegularClose,
            ExtendedOpen,
            early ? ExtendedEarlyClose : ExtendedClose,
            NextSessionAfter(schedule, day));
    }

    private static DateOnly NextSessionAfter(MarketSchedule schedule, DateOnly day)
    {
        for (var next = day.AddDays(1); next <= day.AddDays(MaxDaysToNextSession); next = next.AddDays(1))
        {
            if (!MarketSchedule.IsWeekend(next) && !schedule.Holidays.Contains(next))
            {
                return next;
            }
        }

        throw new InvalidOperationException($"no session within {MaxDaysToNextSession} days after {day:yyyy-MM-dd}: the holidays cover them all");
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var wall = day.ToDateTime(time);
        return new DateTimeOffset(wall, NewYork.GetUtcOffset(wall));
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static TimeZoneInfo FindNewYork()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        }
        catch (TimeZoneNotFoundException)
        {
            // Images without tzdata: eastern standard time all year is off by an hour in summer,
            // acceptable for a simulator and better than refusing to start.
            return TimeZoneInfo.CreateCustomTimeZone("EST", TimeSpan.FromHours(-5), "EST", "EST");
        }
    }
}
