using PositionManager.Domain.Orders;

namespace PositionManager.Simulation.World;

/// <summary>
/// One order our system asked the broker for, with what the broker's own account held of that
/// symbol at that moment: invariant 4 is judged against this, not against what the gateway believed.
/// </summary>
/// <param name="Intent">The intent sent; null when the order went out without one.</param>
public sealed record SubmitRecord(
    DateTimeOffset At,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    PositionIntent? Intent,
    decimal Quantity,
    decimal HeldBefore,
    decimal AvailableBefore);
