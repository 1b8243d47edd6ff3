using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>Fans the account's trade updates out to every listening websocket.</summary>
public sealed class TradeUpdateHub
{
    private readonly OpenConnections<StreamConnection> _connections = new();

    /// <summary>Connections currently open (authenticated or not).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Connections that asked for trade_updates; tests wait on it instead of sleeping.</summary>
    public int ListenerCount => _connections.All.Count(c => c.Listening);

    public StreamConnection Connect() => _connections.Open();

    public void Disconnect(StreamConnection connection)
    {
        _connections.Close(connection);
        connection.Updates.Writer.TryComplete();
    }

    /// <summary>Called under the account's lock: never blocks (unbounded queues).</summary>
    public void Publish(TradeUpdate update)
    {
        foreach (var connection in _connections.All)
        {
            connection.Offer(update);
        }
    }

    /// <summary>Aborts every open connection without a close handshake; returns how many.</summary>
    public int DropAll() => _connections.DropAll();
}
