using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Orders;

/// <summary>
/// An order that passed <see cref="OrderRules"/>. Its constructor is internal: no code outside the
/// Domain can make one without running every rule, so no unchecked order can reach a broker client.
/// </summary>
public sealed record OrderRequest
{
    internal OrderRequest(OptionSymbol symbol, OrderSide side, PositionIntent intent, int quantity, OrderType type, decimal? limitPrice, string clientOrderId)
    {
        Symbol = symbol;
        Side = side;
        Intent = intent;
        Quantity = quantity;
        Type = type;
        LimitPrice = limitPrice;
        ClientOrderId = clientOrderId;
    }

    public OptionSymbol Symbol { get; }

    public OrderSide Side { get; }

    public PositionIntent Intent { get; }

    public int Quantity { get; }

    public OrderType Type { get; }

    public TimeInForce TimeInForce => TimeInForce.Day;

    public decimal? LimitPrice { get; }

    public string ClientOrderId { get; }
}
