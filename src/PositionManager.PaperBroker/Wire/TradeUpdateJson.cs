namespace PositionManager.PaperBroker.Wire;

/// <summary>Data of a <c>trade_updates</c> message; price, qty and position_qty only on fills.</summary>
public sealed record TradeUpdateJson
{
    public required string Event { get; init; }

    public required string EventId { get; init; }

    public required string At { get; init; }

    public required string Timestamp { get; init; }

    public string? Price { get; init; }

    public string? Qty { get; init; }

    public string? PositionQty { get; init; }

    public string? ExecutionId { get; init; }

    public required OrderJson Order { get; init; }
}
