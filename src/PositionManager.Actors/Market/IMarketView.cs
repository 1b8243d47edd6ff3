using PositionManager.Domain.Market;

namespace PositionManager.Actors.Market;

/// <summary>
/// The market as the actors of one node see it, asked on every tick: an implementation must answer
/// from what it already holds (no ask, no I/O, no allocation).
/// </summary>
public interface IMarketView
{
    /// <summary>Whether the market is open at <paramref name="now"/>, and the calendar its time exits measure against.</summary>
    MarketMoment At(DateTimeOffset now);
}
