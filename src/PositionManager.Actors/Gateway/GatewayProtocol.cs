using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway;

public static class GatewayProtocol
{
    /// <summary>
    /// A position asks the gateway to close (part of) itself. The intent id is the exit's
    /// deterministic client_order_id, so a re-sent intent is recognised, never sent twice.
    /// </summary>
    public sealed record SubmitClose(
        string IntentId,
        string PositionId,
        int ExitSequence,
        string Symbol,
        OrderSide Side,
        PositionIntent Intent,
        int Quantity,
        ExitReason Reason,
        decimal? TriggerPrice) : IPositionManagerMessage;
}
