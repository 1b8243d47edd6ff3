using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Prices;

/// <summary>An open position the feed prices: its entity id, the contract it holds, and which price it watches.</summary>
public sealed record WatchedPosition(string PositionId, string Symbol, PriceSource PriceSource);
