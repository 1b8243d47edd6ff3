using System.Globalization;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// The body of <c>POST /v2/orders</c>. qty and limit_price go as strings (Alpaca takes both forms;
/// strings keep decimals exact). position_intent is never null: without it a sell can open a short.
/// </summary>
internal sealed record SubmitOrderJson
{
    public required string Symbol { get; init; }

    public required string Qty { get; init; }

    public required string Side { get; init; }

    public required string Type { get; init; }

    public required string TimeInForce { get; init; }

    /// <summary>Only on limit orders; omitted (not null) otherwise.</summary>
    public string? LimitPrice { get; init; }

    public required string ClientOrderId { get; init; }

    public required string PositionIntent { get; init; }

    /// <summary>The one mapping of a checked order to the wire; every field comes from the request.</summary>
    public static SubmitOrderJson From(OrderRequest order) => new()
    {
        Symbol = order.Symbol.Value,
        Qty = order.Quantity.ToString(CultureInfo.InvariantCulture),
        Side = order.Side.ToWire(),
        Type = order.Type.ToWire(),
        TimeInForce = order.TimeInForce.ToWire(),
        LimitPrice = order.Type == OrderType.Limit ? order.LimitPrice?.ToString(CultureInfo.InvariantCulture) : null,
        ClientOrderId = order.ClientOrderId,
        PositionIntent = order.Intent.ToWire(),
    };
}
