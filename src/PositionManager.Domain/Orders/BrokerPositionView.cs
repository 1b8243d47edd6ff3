namespace PositionManager.Domain.Orders;

/// <summary>
/// What the broker reports for one symbol right before a submission. <see cref="Quantity"/> is the
/// absolute number held; <see cref="QuantityAvailable"/> excludes what open orders reserve
/// (Alpaca's <c>qty_available</c>).
/// </summary>
public sealed record BrokerPositionView(string Symbol, PositionSide Side, decimal Quantity, decimal QuantityAvailable);
