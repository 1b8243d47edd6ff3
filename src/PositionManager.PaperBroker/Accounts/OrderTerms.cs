using PositionManager.Domain.Orders;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>A submission whose fields passed Alpaca's shape rules; the account's state is checked next.</summary>
public sealed record OrderTerms(
    string Symbol,
    AssetClass AssetClass,
    decimal Qty,
    OrderSide Side,
    PaperOrderType Type,
    string TimeInForce,
    decimal? LimitPrice,
    decimal? StopPrice,
    PositionIntent? ExplicitIntent,
    string? ClientOrderId,
    bool ExtendedHours)
{
    /// <summary>The order these terms make once admitted, status <c>new</c>.</summary>
    public PaperOrder ToOrder(PositionIntent intent, DateTimeOffset now, TimeSpan fillDelay) => new()
    {
        Id = Guid.NewGuid(),
        ClientOrderId = ClientOrderId ?? Guid.NewGuid().ToString(),
        Symbol = Symbol,
        AssetId = AssetIds.For(Symbol),
        AssetClass = AssetClass,
        Qty = Qty,
        Side = Side,
        PositionIntent = intent,
        Type = Type,
        TimeInForce = TimeInForce,
        LimitPrice = LimitPrice,
        StopPrice = StopPrice,
        ExtendedHours = ExtendedHours,
        Status = OrderStatuses.New,
        CreatedAt = now,
        UpdatedAt = now,
        NextFillAt = now + fillDelay,
    };
}
