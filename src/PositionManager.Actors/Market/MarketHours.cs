using PositionManager.Alpaca.Reference;
using PositionManager.Domain.Market;

namespace PositionManager.Actors.Market;

/// <summary>
/// What one node knows of the market at a time: the broker's last clock reading, the calendar of
/// sessions read last, and whether the clock could be read the last time it was asked.
/// Immutable, so the actors read it with one volatile read.
/// </summary>
/// <param name="Clock">The last reading that answered; null before the first.</param>
/// <param name="Calendar">The sessions read last, or the regular weekday calendar before any was read.</param>
/// <param name="Problem">Why the last read failed (clock or calendar), when it did; never a key (the clients scrub them).</param>
/// <param name="ReadAt">When <paramref name="Clock"/> was read, on the node's clock.</param>
public sealed record MarketHours(BrokerClock? Clock, ISessionCalendar Calendar, MarketClockCondition Condition, string? Problem, DateTimeOffset? ReadAt)
{
    public static MarketHours NotYetRead { get; } = new(null, SessionCalendar.Regular, MarketClockCondition.NotYetRead, null, null);

    /// <summary>
    /// Open only within the one session the last reading vouches for: while it said open, up to
    /// its <c>next_close</c>; while it said closed, from its <c>next_open</c> to its
    /// <c>next_close</c> (a closed clock's next close is that next session's). Past that close
    /// without a fresher reading (the clock cannot be read), or before any reading, the market
    /// counts as closed: no exit rather than a market order Alpaca refuses outside regular hours.
    /// </summary>
    public bool IsOpenAt(DateTimeOffset now) =>
        Clock is { } clock && now < clock.NextClose && (clock.IsOpen || now >= clock.NextOpen);

    /// <summary>One line for logs, health and pmctl.</summary>
    public string Describe(DateTimeOffset now)
    {
        var state = IsOpenAt(now) ? $"open until {Clock!.NextClose:yyyy-MM-dd HH:mm zzz}"
            : Clock is { } clock && now < clock.NextClose ? $"closed until {clock.NextOpen:yyyy-MM-dd HH:mm zzz}"
            : "counted closed";
        return Condition switch
        {
            MarketClockCondition.NotYetRead => $"market clock not read yet: {state}",
            MarketClockCondition.Unreadable => $"market clock unreadable ({Problem}): {state}",
            _ => $"market {state}",
        };
    }
}
