using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;

namespace PositionManager.Domain.Positions.Events;

/// <param name="UnderlyingSymbol">The broker's <c>underlying_symbol</c> of the contract, read once at adoption; null when the broker knew no such contract.</param>
/// <param name="RuleName">The policy rule the policy came from, <see cref="PolicyBook.DefaultName"/> when none matched.</param>
public sealed record PositionOpened(
    string PositionId,
    string Symbol,
    PositionSide Side,
    int Quantity,
    decimal EntryPrice,
    ExitPolicy Policy,
    OpenOrigin Origin,
    DateTimeOffset At,
    string? UnderlyingSymbol = null,
    string RuleName = PolicyBook.DefaultName) : IPositionEvent;
