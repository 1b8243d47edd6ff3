namespace PositionManager.Domain.Orders;

public enum TimeInForce
{
    /// <summary>The only one exits use, so an exit never lingers unseen overnight.</summary>
    Day,
    Gtc,
}
