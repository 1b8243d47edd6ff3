namespace PositionManager.Alpaca.Wire;

/// <summary><c>{"action":"listen","data":{"streams":["trade_updates"]}}</c>.</summary>
internal sealed record ListenRequestJson(string Action, ListeningDataJson Data)
{
    public static ListenRequestJson TradeUpdates { get; } = new("listen", new ListeningDataJson { Streams = [TradeStreams.TradeUpdates] });
}
