using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Reference;

/// <summary>
/// The market's clock and calendar from the broker (Alpaca's <c>GET /v2/clock</c> and
/// <c>GET /v2/calendar</c>). Reads only; failures are typed values, and an answer that cannot be
/// read whole is <see cref="BrokerFailure.Malformed"/>, never a default (docs/DESIGN.md invariant 8):
/// a guessed "open" could let an exit trade, a guessed close could move a time exit.
/// </summary>
public interface IMarketCalendar
{
    /// <summary>Whether the market is open now, and when it next opens and closes.</summary>
    Task<BrokerResult<BrokerClock>> GetClockAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The trading sessions on the dates <paramref name="start"/> through <paramref name="end"/>
    /// (both inclusive), in date order; dates without a session (weekends, holidays) are absent.
    /// </summary>
    Task<BrokerResult<IReadOnlyList<TradingSession>>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken);
}
