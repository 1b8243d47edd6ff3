using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Positions;

/// <summary>Take a position under management, whether this system opened it or found it at the broker.</summary>
public sealed record OpenPosition(string Symbol, PositionSide Side, int Quantity, decimal EntryPrice, ExitPolicy Policy, OpenOrigin Origin);
