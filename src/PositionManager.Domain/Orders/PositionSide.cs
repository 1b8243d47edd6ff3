namespace PositionManager.Domain.Orders;

public enum PositionSide
{
    Long,
    Short,
}
