using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Prices;

/// <summary>What one poll meant for one symbol.</summary>
/// <param name="Forward">The quote to send to the symbol's positions, or null: unchanged, or not sane.</param>
/// <param name="Dropped">Why a received quote was not sane (counted), or null.</param>
/// <param name="BecameStale">Set on the poll that makes the symbol stale: why it has no usable quote.</param>
/// <param name="Recovered">The symbol was stale and has a usable quote again.</param>
internal readonly record struct SymbolObservation(MarketQuote? Forward, QuoteProblem? Dropped, string? BecameStale, bool Recovered);
