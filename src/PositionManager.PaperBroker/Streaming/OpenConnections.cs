using System.Collections.Concurrent;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>The open websockets of one stream, from upgrade to end; safe from any thread.</summary>
internal sealed class OpenConnections<T>
    where T : IDroppable, new()
{
    private readonly ConcurrentDictionary<T, byte> _open = new();

    /// <summary>Authenticated or not.</summary>
    public int Count => _open.Count;

    public IEnumerable<T> All => _open.Keys;

    public T Open()
    {
        var connection = new T();
        _open.TryAdd(connection, 0);
        return connection;
    }

    public void Close(T connection) => _open.TryRemove(connection, out _);

    /// <summary>Aborts every open connection without a close handshake; returns how many.</summary>
    public int DropAll()
    {
        var dropped = 0;
        foreach (var connection in _open.Keys)
        {
            connection.Drop();
            dropped++;
        }

        return dropped;
    }
}
