namespace PositionManager.Domain.Orders;

/// <summary>The order types an exit may use; Alpaca takes no trailing stops on options.</summary>
public enum OrderType
{
    Market,
    Limit,
}
