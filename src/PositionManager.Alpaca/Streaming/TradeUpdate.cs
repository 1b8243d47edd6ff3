using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Streaming;

/// <summary>One trade_updates message: the event name (fill, partial_fill, canceled, …) and the order after it.</summary>
public sealed record TradeUpdate(
    string Event,
    BrokerOrder Order,
    decimal? Price,
    decimal? Quantity,
    decimal? PositionQuantity,
    DateTimeOffset? Timestamp);
