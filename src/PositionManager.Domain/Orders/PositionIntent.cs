namespace PositionManager.Domain.Orders;

/// <summary>Alpaca's <c>position_intent</c>. Only the closing intents ever pass the gateway.</summary>
public enum PositionIntent
{
    BuyToOpen,
    BuyToClose,
    SellToOpen,
    SellToClose,
}
