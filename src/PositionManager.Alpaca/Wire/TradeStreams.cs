namespace PositionManager.Alpaca.Wire;

/// <summary>Stream names of the trade-updates websocket as Alpaca spells them.</summary>
internal static class TradeStreams
{
    public const string Authorization = "authorization";
    public const string Listening = "listening";
    public const string TradeUpdates = "trade_updates";
    public const string ErrorAction = "error";
}
