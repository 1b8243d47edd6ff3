namespace PositionManager.Domain.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
