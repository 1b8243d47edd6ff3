using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>
/// Closing orders made the only way there is: through <see cref="OrderRules.Check"/>, given the
/// broker view the gateway would have seen (which a test may make stale on purpose).
/// </summary>
internal static class AnExit
{
    public static OrderRequest SellToClose(string symbol, int qty, string? clientOrderId = null, decimal? limitPrice = null, decimal? viewHeld = null) =>
        Checked(symbol, OrderSide.Sell, PositionIntent.SellToClose, PositionSide.Long, qty, clientOrderId, limitPrice, viewHeld);

    public static OrderRequest BuyToClose(string symbol, int qty, string? clientOrderId = null, decimal? viewHeld = null) =>
        Checked(symbol, OrderSide.Buy, PositionIntent.BuyToClose, PositionSide.Short, qty, clientOrderId, null, viewHeld);

    public static string NewClientOrderId() => $"t-{Guid.NewGuid():N}"[..34];

    private static OrderRequest Checked(string symbol, OrderSide side, PositionIntent intent, PositionSide held, int qty, string? clientOrderId, decimal? limitPrice, decimal? viewHeld)
    {
        var draft = new OrderDraft(
            symbol, side, intent, qty,
            limitPrice is null ? OrderType.Market : OrderType.Limit,
            TimeInForce.Day, limitPrice, clientOrderId ?? NewClientOrderId());
        var view = new BrokerPositionView(symbol, held, viewHeld ?? qty, viewHeld ?? qty);
        var check = OrderRules.Check(draft, view, gatewayHalted: false);
        Assert.True(check.IsAccepted, string.Join("; ", check.Violations));
        return check.Request!;
    }
}
