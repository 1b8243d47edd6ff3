using System.Collections.Frozen;

namespace PositionManager.Domain.Market;

/// <summary>
/// A calendar from known sessions, such as Alpaca's <c>/v2/calendar</c> for a range of dates.
/// Within <see cref="From"/>..<see cref="To"/> a date without a session is a day the market is
/// closed (a holiday); outside that range the <c>outside</c> calendar answers (by default the
/// regular weekday one), so a calendar read for a few months does not end the world after them.
/// </summary>
public sealed class KnownSessionCalendar : ISessionCalendar
{
    private readonly FrozenDictionary<DateOnly, TradingSession> _sessions;
    private readonly ISessionCalendar _outside;

    /// <exception cref="ArgumentException">A session outside the range, on a date twice, or closing no later than it opens.</exception>
    public KnownSessionCalendar(IEnumerable<TradingSession> sessions, DateOnly from, DateOnly to, ISessionCalendar? outside = null)
    {
        if (to < from)
        {
            throw new ArgumentException($"the calendar's range {from:yyyy-MM-dd}..{to:yyyy-MM-dd} ends before it starts", nameof(to));
        }

        var byDate = new Dictionary<DateOnly, TradingSession>();
        foreach (var session in sessions)
        {
            if (session.Date < from || session.Date > to)
            {
                throw new ArgumentException($"the session of {session.Date:yyyy-MM-dd} is outside the calendar's range {from:yyyy-MM-dd}..{to:yyyy-MM-dd}", nameof(sessions));
            }

            if (session.Close <= session.Open)
            {
                throw new ArgumentException($"the session of {session.Date:yyyy-MM-dd} closes at {session.Close:O}, not after it opens at {session.Open:O}", nameof(sessions));
            }

            if (!byDate.TryAdd(session.Date, session))
            {
                throw new ArgumentException($"the calendar has two sessions on {session.Date:yyyy-MM-dd}", nameof(sessions));
            }
        }

        _sessions = byDate.ToFrozenDictionary();
        _outside = outside ?? RegularSessionCalendar.Instance;
        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    public TradingSession? SessionOn(DateOnly date)
    {
        if (date < From || date > To)
        {
            return _outside.SessionOn(date);
        }

        return _sessions.TryGetValue(date, out var session) ? session : null;
    }
}
