using Akka.Actor;
using Akka.Event;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Market;
using static PositionManager.Actors.Market.MarketClockInternals;
using DomainSession = PositionManager.Domain.Market.TradingSession;

namespace PositionManager.Actors.Market;

/// <summary>
/// The market's clock on one node (one per node, not a singleton: positions and the gateway read
/// the view of the node they run on). Reads the broker's <c>/v2/clock</c> at start, at each
/// <c>next_open</c> and <c>next_close</c> it announced, and every
/// <see cref="MarketClockSettings.ReadInterval"/>; reads <c>/v2/calendar</c> around today at start,
/// daily, and when the clock names a session the calendar does not know. Each answer is published
/// to the <see cref="MarketClockView"/>. A failed read keeps the last reading, which vouches for
/// the market only up to its close (<see cref="MarketHours.IsOpenAt"/>; docs/DESIGN.md, "The
/// market's clock").
/// </summary>
public sealed class MarketClockActor : ReceiveActor, IWithTimers
{
    public const string Name = "market-clock";

    private const string EveryReadTimer = "every-read";
    private const string BoundaryTimer = "boundary";

    private readonly IMarketCalendar _broker;
    private readonly MarketClockView _view;
    private readonly MarketClockSettings _settings;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();

    private BrokerClock? _clock;
    private DateTimeOffset? _clockReadAt;
    private MarketClockCondition _condition = MarketClockCondition.NotYetRead;
    private string? _problem;
    private bool _toldCountedClosed;
    private bool _clockReading;
    private bool _readAgain;

    private KnownSessionCalendar? _calendar;
    private DateTimeOffset? _calendarReadAt;
    private bool _calendarReading;
    private bool _calendarFailing;

    public MarketClockActor(IMarketCalendar broker, MarketClockView view, MarketClockSettings settings, TimeProvider time)
    {
        _broker = broker;
        _view = view;
        _settings = settings;
        _time = time;
        Receive<ReadClock>(_ => ReadClockNow());
        Receive<ClockRead>(read => OnClockRead(read.Result));
        Receive<CalendarRead>(OnCalendarRead);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IMarketCalendar broker, MarketClockView view, MarketClockSettings settings, TimeProvider time) =>
        Akka.Actor.Props.Create(() => new MarketClockActor(broker, view, settings, time));

    protected override void PreStart()
    {
        MarketClockMetrics.Publish(_condition);
        Self.Tell(ReadClock.Instance);
        Timers.StartPeriodicTimer(EveryReadTimer, ReadClock.Instance, _settings.ReadInterval);
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void ReadClockNow()
    {
        if (_clockReading)
        {
            // An open or close is due while a read is on its way: read once more after it.
            _readAgain = true;
            return;
        }

        _clockReading = true;
        _broker.GetClockAsync(_stopping.Token).PipeTo(
            Self,
            success: result => new ClockRead(result),
            failure: error => new ClockRead(new BrokerFailure.Transient(error.Message)));
    }

    private void OnClockRead(BrokerResult<BrokerClock> result)
    {
        _clockReading = false;
        if (result.Failure is { } failure)
        {
            OnClockUnreadable(failure);
        }
        else
        {
            OnClock(result.Value!);
        }

        if (_readAgain)
        {
            _readAgain = false;
            ReadClockNow();
        }
    }

    private void OnClock(BrokerClock clock)
    {
        var now = Now;
        var wasOpen = _clock?.IsOpen;
        if (_condition != MarketClockCondition.Readable && _clock is not null)
        {
            _log.Info("The market clock can be read again: {Market}", Describe(clock));
        }
        else if (wasOpen != clock.IsOpen)
        {
            _log.Info("Market clock: {Market}", Describe(clock));
        }

        _clock = clock;
        _clockReadAt = now;
        _condition = MarketClockCondition.Readable;
        _problem = _calendarFailing ? _problem : null;
        _toldCountedClosed = false;
        Publish();
        ScheduleBoundary(clock, now);
        if (NeedsCalendar(now))
        {
            ReadCalendar(now);
        }
    }

    private void OnClockUnreadable(BrokerFailure failure)
    {
        MarketClockMetrics.ReadFailures.Add(1, new KeyValuePair<string, object?>("read", "clock"));
        var now = Now;
        if (_condition != MarketClockCondition.Unreadable)
        {
            _log.Warning(
                "The market clock cannot be read ({Failure}); the last reading is kept up to its close ({KnownUntil}), then the market counts as closed: no exit is sent until a read succeeds",
                failure,
                _clock?.NextClose.ToString("O") ?? "none: counted closed from now");
        }

        _condition = MarketClockCondition.Unreadable;
        _problem = Text(failure);
        if (!_toldCountedClosed && !(_clock is { } clock && now < clock.NextClose))
        {
            _toldCountedClosed = true;
            _log.Error("ALERT: the market counts as CLOSED: the last known close ({KnownUntil}) has passed and the market clock cannot be read ({Failure}); no exit is sent until it can", _clock?.NextClose.ToString("O") ?? "none", failure);
        }

        Publish();
        if (_calendar is null && NeedsCalendar(now))
        {
            ReadCalendar(now);
        }
    }

    private void ScheduleBoundary(BrokerClock clock, DateTimeOffset now)
    {
        // The clock says when it turns; read it then rather than up to a read interval late.
        var next = clock.IsOpen ? clock.NextClose : clock.NextOpen;
        var wait = next - now;
        if (wait > TimeSpan.Zero && wait < _settings.ReadInterval * 2)
        {
            Timers.StartSingleTimer(BoundaryTimer, ReadClock.Instance, wait);
        }
        else if (wait > TimeSpan.Zero)
        {
            // Far off: a timer set now would drift with the node's clock; the regular reads set it closer.
            Timers.Cancel(BoundaryTimer);
        }
    }

    private bool NeedsCalendar(DateTimeOffset now)
    {
        if (_calendarReading)
        {
            return false;
        }

        if (_calendar is not { } calendar || _calendarReadAt is not { } readAt || now - readAt >= _settings.CalendarRefresh)
        {
            return true;
        }

        var today = NewYorkTime.DateOf(now);
        if (today.AddDays(-SessionCalendar.SearchDays) < calendar.From || today.AddDays(SessionCalendar.SearchDays) > calendar.To)
        {
            return true;
        }

        // The clock names a close the calendar does not have (an early close added since): read it
        // again, at most once a read interval should the two keep disagreeing.
        return _clock is { } clock
            && NewYorkTime.DateOf(clock.NextClose) is var closeDate
            && closeDate >= calendar.From && closeDate <= calendar.To
            && calendar.SessionOn(closeDate)?.Close != clock.NextClose
            && now - readAt >= _settings.ReadInterval;
    }

    private void ReadCalendar(DateTimeOffset now)
    {
        var today = NewYorkTime.DateOf(now);
        var from = today.AddDays(-_settings.CalendarDaysBack);
        var to = today.AddDays(_settings.CalendarDaysAhead);
        _calendarReading = true;
        _broker.GetCalendarAsync(from, to, _stopping.Token).PipeTo(
            Self,
            success: result => new CalendarRead(from, to, result),
            failure: error => new CalendarRead(from, to, new BrokerFailure.Transient(error.Message)));
    }

    private void OnCalendarRead(CalendarRead read)
    {
        _calendarReading = false;
        KnownSessionCalendar? calendar = null;
        if (read.Result.Failure is { } failure)
        {
            _problem = Text(failure);
        }
        else
        {
            calendar = ToCalendar(read);
        }

        if (calendar is null)
        {
            MarketClockMetrics.ReadFailures.Add(1, new KeyValuePair<string, object?>("read", "calendar"));
            if (!_calendarFailing)
            {
                _log.Warning("The market calendar cannot be read ({Failure}); time exits measure against {Calendar} until it can", _problem, _calendar is null ? "the regular weekday calendar (16:00 closes, no holidays)" : $"the calendar read at {_calendarReadAt:O}");
            }

            _calendarFailing = true;
            Publish();
            return;
        }

        if (_calendarFailing)
        {
            _log.Info("The market calendar can be read again: {From}..{To}", read.From, read.To);
        }

        _calendarFailing = false;
        _calendar = calendar;
        _calendarReadAt = Now;
        _problem = _condition == MarketClockCondition.Unreadable ? _problem : null;
        Publish();
    }

    private KnownSessionCalendar? ToCalendar(CalendarRead read)
    {
        try
        {
            return new KnownSessionCalendar(read.Result.Value!.Select(s => new DomainSession(s.Date, s.Open, s.Close)), read.From, read.To);
        }
        catch (ArgumentException e)
        {
            // Never a calendar guessed around a bad session (invariant 8).
            _problem = $"Malformed: {e.Message}";
            return null;
        }
    }

    private void Publish()
    {
        _view.Publish(new MarketHours(_clock, (ISessionCalendar?)_calendar ?? SessionCalendar.Regular, _condition, _problem, _clockReadAt));
        MarketClockMetrics.Publish(_condition);
    }

    private static string Text(BrokerFailure failure) => $"{failure.GetType().Name}: {failure.Message}";

    private static string Describe(BrokerClock clock) =>
        clock.IsOpen ? $"OPEN until {clock.NextClose:O}" : $"CLOSED until {clock.NextOpen:O}";
}
