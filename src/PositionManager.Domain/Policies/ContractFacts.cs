using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Policies;

/// <summary>
/// What a policy rule may match on: the contract's own OCC symbol and the underlying the broker
/// names for it (Alpaca's <c>underlying_symbol</c>), never a root trimmed from the symbol: an
/// adjusted contract such as <c>LCID1…</c> has a root that is not its underlying.
/// </summary>
public sealed record ContractFacts(OptionSymbol Symbol, string UnderlyingSymbol)
{
    /// <summary>Calendar days from a New York date to the expiry: 0 on expiry day, negative after it.</summary>
    public int DaysToExpiry(DateOnly today) => Symbol.Expiry.DayNumber - today.DayNumber;
}
