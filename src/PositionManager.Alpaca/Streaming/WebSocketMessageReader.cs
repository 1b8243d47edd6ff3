using System.Buffers;
using System.Net.WebSockets;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// Reads whole websocket messages, however many frames they came in, TEXT and BINARY alike: the
/// paper stream sends JSON in binary frames, live may send text (docs/ALPACA.md).
/// </summary>
internal sealed class WebSocketMessageReader(WebSocket socket, int maxMessageBytes)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>The next message's bytes (valid until the next call), or null when the server closed.</summary>
    /// <exception cref="WebSocketException">The message exceeds the size limit, or the connection failed.</exception>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.Clear();
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _buffer.Advance(result.Count);
            if (_buffer.WrittenCount > maxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"a message exceeded {maxMessageBytes} bytes");
            }

            if (result.EndOfMessage)
            {
                return _buffer.WrittenMemory;
            }
        }
    }
}
