namespace PositionManager.Domain.Exits;

/// <summary>Why an exit fired. The order is the priority when several fire on one tick.</summary>
public enum ExitReason
{
    StopLoss,
    TrailingStop,
    TimeExit,
    TakeProfit,
    ScaleOut,
    Manual,
}
