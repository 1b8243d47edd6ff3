using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;

namespace PositionManager.Domain.Positions.Events;

/// <summary>
/// <see cref="PositionOpened"/> as journaled before policy rules: read, never written. Every
/// position then got the one default policy, so it recovers as coming from
/// <see cref="PolicyBook.DefaultName"/>; its underlying was never read and stays unknown.
/// </summary>
public sealed record PositionOpenedV1(
    string PositionId,
    string Symbol,
    PositionSide Side,
    int Quantity,
    decimal EntryPrice,
    ExitPolicy Policy,
    OpenOrigin Origin,
    DateTimeOffset At) : IPositionEvent
{
    public PositionOpened Upgrade() => new(PositionId, Symbol, Side, Quantity, EntryPrice, Policy, Origin, At, UnderlyingSymbol: null, RuleName: PolicyBook.DefaultName);
}
