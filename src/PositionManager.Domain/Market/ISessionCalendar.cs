namespace PositionManager.Domain.Market;

/// <summary>
/// Which days the market opens and when each session really closes. Implementations are pure
/// data (no clock, no I/O): a decision is handed one and asks it about dates.
/// </summary>
public interface ISessionCalendar
{
    /// <summary>The session on this New York date, or null when the market does not open that day (a weekend or a holiday).</summary>
    TradingSession? SessionOn(DateOnly date);
}
