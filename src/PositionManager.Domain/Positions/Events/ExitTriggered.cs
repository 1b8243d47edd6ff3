using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions.Events;

/// <summary>
/// An exit fired: from here until its order ends, the position has a pending exit. A limit price is
/// set only on a retry after a refusal when the policy asks for a marketable limit; otherwise the exit is a market order.
/// </summary>
public sealed record ExitTriggered(
    int ExitSequence,
    ExitReason Reason,
    int Quantity,
    decimal? TriggerPrice,
    int? ScaleOutIndex,
    string ClientOrderId,
    DateTimeOffset At,
    decimal? LimitPrice = null) : IPositionEvent;
