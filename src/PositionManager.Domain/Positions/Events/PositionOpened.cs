using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Positions.Events;

public sealed record PositionOpened(
    string PositionId,
    string Symbol,
    PositionSide Side,
    int Quantity,
    decimal EntryPrice,
    ExitPolicy Policy,
    OpenOrigin Origin,
    DateTimeOffset At) : IPositionEvent;
