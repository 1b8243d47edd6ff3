namespace PositionManager.Admin;

public sealed record GatewayView(bool Halted, string? HaltReason, int Queued, bool StreamListening, int RecentOrders);

public sealed record HaltRequest(string Reason);

/// <summary>One close intent the gateway received, and what became of it.</summary>
public sealed record OrderView(
    string ClientOrderId,
    string PositionId,
    string Symbol,
    string Side,
    string Intent,
    int Quantity,
    string Reason,
    decimal? LimitPrice,
    string Stage,
    DateTimeOffset ReceivedAt,
    string? BrokerOrderId,
    string? RefusalReason,
    string? FinalStatus,
    int FilledQuantity,
    decimal? FilledAveragePrice);

public sealed record AlertView(string Kind, string Symbol, string Message, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

public sealed record ReconcileView(DateTimeOffset At, int BrokerPositions, IReadOnlyList<string> Adopted, IReadOnlyList<string> MarkedFlat, IReadOnlyList<AlertView> Alerts, string? Failure);
