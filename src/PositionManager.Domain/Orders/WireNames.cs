namespace PositionManager.Domain.Orders;

/// <summary>Alpaca's spelling of the order enums, mapped in one place.</summary>
public static class WireNames
{
    public static string ToWire(this PositionIntent intent) => intent switch
    {
        PositionIntent.BuyToOpen => "buy_to_open",
        PositionIntent.BuyToClose => "buy_to_close",
        PositionIntent.SellToOpen => "sell_to_open",
        PositionIntent.SellToClose => "sell_to_close",
        _ => throw new ArgumentOutOfRangeException(nameof(intent), intent, null),
    };

    public static string ToWire(this OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";

    public static string ToWire(this OrderType type) => type == OrderType.Market ? "market" : "limit";

    public static string ToWire(this TimeInForce tif) => tif == TimeInForce.Day ? "day" : "gtc";

    public static PositionIntent? ParsePositionIntent(string? wire) => wire switch
    {
        "buy_to_open" => PositionIntent.BuyToOpen,
        "buy_to_close" => PositionIntent.BuyToClose,
        "sell_to_open" => PositionIntent.SellToOpen,
        "sell_to_close" => PositionIntent.SellToClose,
        _ => null,
    };

    public static OrderSide? ParseSide(string? wire) => wire switch
    {
        "buy" => OrderSide.Buy,
        "sell" => OrderSide.Sell,
        _ => null,
    };

    public static bool IsClosing(this PositionIntent intent) =>
        intent is PositionIntent.BuyToClose or PositionIntent.SellToClose;
}
