namespace PositionManager.PaperBroker.Wire;

/// <summary>Alpaca's order object: decimals as strings, absent times as null, <c>legs</c> null for simple orders.</summary>
public sealed record OrderJson
{
    public required string Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string CreatedAt { get; init; }

    public required string UpdatedAt { get; init; }

    public required string SubmittedAt { get; init; }

    public string? FilledAt { get; init; }

    public string? ExpiredAt { get; init; }

    public string? CanceledAt { get; init; }

    public string? FailedAt { get; init; }

    public string? ReplacedAt { get; init; }

    public string? ReplacedBy { get; init; }

    public string? Replaces { get; init; }

    public required string AssetId { get; init; }

    public required string Symbol { get; init; }

    public required string AssetClass { get; init; }

    public string? Notional { get; init; }

    public required string Qty { get; init; }

    public required string FilledQty { get; init; }

    public string? FilledAvgPrice { get; init; }

    public string OrderClass { get; init; } = "";

    public required string OrderType { get; init; }

    public required string Type { get; init; }

    public required string Side { get; init; }

    public required string PositionIntent { get; init; }

    public required string TimeInForce { get; init; }

    public string? LimitPrice { get; init; }

    public string? StopPrice { get; init; }

    public required string Status { get; init; }

    public bool ExtendedHours { get; init; }

    public IReadOnlyList<OrderJson>? Legs { get; init; }

    public string? TrailPercent { get; init; }

    public string? TrailPrice { get; init; }

    public string? Hwm { get; init; }
}
