using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;

namespace PositionManager.Actors.Gateway;

public static class GatewayProtocol
{
    /// <summary>
    /// A position asks the gateway to close (part of) itself: a market order, or a limit order at
    /// <see cref="LimitPrice"/> when its policy retries refused closes with a marketable limit. The intent id is the exit's
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
        decimal? TriggerPrice,
        decimal? LimitPrice = null) : IPositionManagerMessage;

    /// <summary>
    /// A position asks to cancel its exit's order: a retry limit the market fell through
    /// (RestingLimit). Fire and forget: the order's end comes as any other's, through the trade
    /// stream or the order poll, and the position asks again while it has not.
    /// </summary>
    public sealed record CancelExit(string IntentId, string PositionId, int ExitSequence) : IPositionManagerMessage;

    /// <summary>The intent is journaled in the gateway's outbox: the position may stop re-sending it soon.</summary>
    public sealed record CloseAccepted(string IntentId) : IPositionManagerMessage;

    /// <summary>Kill switch on: every order not yet submitted is refused until <see cref="Resume"/>.</summary>
    public sealed record Halt(string Reason, string RequestedBy) : IPositionManagerMessage;

    public sealed record Resume(string RequestedBy) : IPositionManagerMessage;

    public sealed record GetStatus : IPositionManagerMessage
    {
        public static readonly GetStatus Instance = new();
    }

    /// <summary>The gateway's state for operators: kill switch, queue, stream, and the latest intents.</summary>
    public sealed record GatewayStatus(
        bool Halted,
        string? HaltReason,
        int Queued,
        bool StreamListening,
        IReadOnlyList<IntentRecord> RecentIntents) : IPositionManagerMessage;
}
