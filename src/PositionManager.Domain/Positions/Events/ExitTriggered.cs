using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions.Events;

/// <summary>An exit fired: from here until its order ends, the position has a pending exit.</summary>
public sealed record ExitTriggered(
    int ExitSequence,
    ExitReason Reason,
    int Quantity,
    decimal? TriggerPrice,
    int? ScaleOutIndex,
    string ClientOrderId,
    DateTimeOffset At) : IPositionEvent;
