using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Positions;

/// <summary>Take a position under management, whether this system opened it or found it at the broker.</summary>
/// <param name="UnderlyingSymbol">The broker's underlying of the contract; null when it knows none.</param>
/// <param name="RuleName">The policy rule that gave <paramref name="Policy"/>.</param>
public sealed record OpenPosition(
    string Symbol,
    PositionSide Side,
    int Quantity,
    decimal EntryPrice,
    ExitPolicy Policy,
    OpenOrigin Origin,
    string? UnderlyingSymbol = null,
    string RuleName = PolicyBook.DefaultName);
