using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Trading;

/// <summary>An order as the broker reports it (REST answer or the order inside a trade update).</summary>
public sealed record BrokerOrder(
    string Id,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    PositionIntent? Intent,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? FilledAveragePrice,
    BrokerOrderStatus Status,
    string StatusText,
    DateTimeOffset? UpdatedAt);
