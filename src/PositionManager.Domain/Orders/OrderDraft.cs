namespace PositionManager.Domain.Orders;

/// <summary>
/// An order as someone asked for it, not yet checked. Everything that can be wrong is
/// representable here so that <see cref="OrderRules"/> can name it; only the rules turn a draft
/// into an <see cref="OrderRequest"/>, the one type a broker client accepts.
/// </summary>
public sealed record OrderDraft(
    string? Symbol,
    OrderSide? Side,
    PositionIntent? Intent,
    decimal Quantity,
    OrderType Type,
    TimeInForce? TimeInForce,
    decimal? LimitPrice,
    string? ClientOrderId);
