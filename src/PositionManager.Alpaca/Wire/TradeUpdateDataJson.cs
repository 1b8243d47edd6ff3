namespace PositionManager.Alpaca.Wire;

/// <summary>Data of a <c>trade_updates</c> message; price, qty and position_qty only on fills.</summary>
internal sealed record TradeUpdateDataJson
{
    public string? Event { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public decimal? Price { get; init; }

    public decimal? Qty { get; init; }

    public decimal? PositionQty { get; init; }

    public OrderJson? Order { get; init; }
}
