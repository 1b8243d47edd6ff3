using System.Collections.Concurrent;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>Fans the account's trade updates out to every listening websocket.</summary>
public sealed class TradeUpdateHub
{
    private readonly ConcurrentDictionary<StreamConnection, byte> _connections = new();

    /// <summary>Connections currently open (authenticated or not).</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Connections that asked for trade_updates; tests wait on it instead of sleeping.</summary>
    public int ListenerCount => _connections.Keys.Count(c => c.Listening);

    public StreamConnection Connect()
    {
        var connection = new StreamConnection();
        _connections.TryAdd(connection, 0);
        return connection;
    }

    public void Disconnect(StreamConnection connection)
    {
        _connections.TryRemove(connection, out _);
        connection.Updates.Writer.TryComplete();
    }

    /// <summary>Called under the account's lock: never blocks (unbounded queues).</summary>
    public void Publish(TradeUpdate update)
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Offer(update);
        }
    }

    /// <summary>Aborts every open connection without a close handshake; returns how many.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var connection in _connections.Keys)
        {
            connection.Drop();
            dropped++;
        }

        return dropped;
    }
}
