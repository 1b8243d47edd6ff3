namespace PositionManager.Alpaca.Streaming;

/// <summary>Receives the stream's news. Called from the stream's own task; implementations hand off (e.g. Tell).</summary>
public interface ITradeUpdateSink
{
    /// <summary>Authorized and listening to trade_updates: from now on updates arrive.</summary>
    void OnListening();

    /// <summary>The stream is down (refused, dropped, unauthorized); updates may be missed until the next <see cref="OnListening"/>.</summary>
    void OnDisconnected(string reason);

    void OnUpdate(TradeUpdate update);
}
