using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions;

/// <summary>An exit whose order has not ended yet; while one exists no other exit fires.</summary>
public sealed record PendingExit(
    int ExitSequence,
    ExitReason Reason,
    int Quantity,
    int FilledQuantity,
    int? ScaleOutIndex,
    string ClientOrderId,
    string? BrokerOrderId,
    DateTimeOffset TriggeredAt,
    decimal? LimitPrice = null);
