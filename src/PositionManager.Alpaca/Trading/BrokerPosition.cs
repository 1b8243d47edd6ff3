using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Trading;

/// <summary>One position as the broker lists it; quantities are absolute, <see cref="Side"/> says which way.</summary>
public sealed record BrokerPosition(
    string Symbol,
    string AssetClass,
    PositionSide Side,
    decimal Quantity,
    decimal QuantityAvailable,
    decimal AverageEntryPrice,
    decimal? CurrentPrice)
{
    public bool IsOption => AssetClass == "us_option";

    public BrokerPositionView ToView() => new(Symbol, Side, Quantity, QuantityAvailable);
}
