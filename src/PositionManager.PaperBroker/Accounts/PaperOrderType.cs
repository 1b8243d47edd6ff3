namespace PositionManager.PaperBroker.Accounts;

/// <summary>The order types the simulator fills; <c>trailing_stop</c> is refused (never for options).</summary>
public enum PaperOrderType
{
    Market,
    Limit,
    Stop,
    StopLimit,
}
