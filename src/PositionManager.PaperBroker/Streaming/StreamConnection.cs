using System.Threading.Channels;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Streaming;

/// <summary>One websocket client of the trade stream: its queue of updates, and the switch that drops it.</summary>
public sealed class StreamConnection : IDroppable, IDisposable
{
    private readonly CancellationTokenSource _drop = new();
    private volatile bool _listening;

    public Channel<TradeUpdate> Updates { get; } = Channel.CreateUnbounded<TradeUpdate>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Cancelled when the fault injector drops the connection.</summary>
    public CancellationToken Dropped => _drop.Token;

    /// <summary>Updates are queued only after <c>listen</c> with <c>trade_updates</c>, as Alpaca sends them.</summary>
    public bool Listening
    {
        get => _listening;
        set => _listening = value;
    }

    public void Offer(TradeUpdate update)
    {
        if (_listening)
        {
            Updates.Writer.TryWrite(update);
        }
    }

    public void Drop() => _drop.Cancel();

    public void Dispose() => _drop.Dispose();
}
