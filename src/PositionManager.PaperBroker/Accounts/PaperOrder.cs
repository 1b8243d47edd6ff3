using PositionManager.Domain.Orders;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// One order as the account holds it. Immutable: every change replaces the record, so a snapshot
/// handed to the API or the stream never changes under the reader.
/// </summary>
public sealed record PaperOrder
{
    public required Guid Id { get; init; }

    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required Guid AssetId { get; init; }

    public required AssetClass AssetClass { get; init; }

    public required decimal Qty { get; init; }

    public decimal FilledQty { get; init; }

    public decimal? FilledAvgPrice { get; init; }

    public required OrderSide Side { get; init; }

    /// <summary>Sent or inferred: Alpaca echoes the intent it applied.</summary>
    public required PositionIntent PositionIntent { get; init; }

    public required PaperOrderType Type { get; init; }

    public required string TimeInForce { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public bool ExtendedHours { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FilledAt { get; init; }

    public DateTimeOffset? CanceledAt { get; init; }

    public DateTimeOffset? ExpiredAt { get; init; }

    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>When the simulator next tries to fill it (fill delay; partial fills step by it).</summary>
    public DateTimeOffset NextFillAt { get; init; }

    /// <summary>A stop or stop_limit whose stop price has been touched trades like market/limit.</summary>
    public bool StopTriggered { get; init; }

    public decimal RemainingQty => Qty - FilledQty;

    public bool IsOpen => !OrderStatuses.IsTerminal(Status);
}
