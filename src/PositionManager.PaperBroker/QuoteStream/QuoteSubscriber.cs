using System.Threading.Channels;
using PositionManager.PaperBroker.Streaming;

namespace PositionManager.PaperBroker.QuoteStream;

/// <summary>
/// One websocket client of the options data stream: what it subscribed to, the signal that the
/// market may have moved, and the switch that drops it.
/// </summary>
public sealed class QuoteSubscriber : IDroppable, IDisposable
{
    private readonly CancellationTokenSource _drop = new();

    // One pending wake is enough: the pusher reads every subscribed quote when it wakes.
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private volatile IReadOnlyCollection<string> _quotes = [];

    public ChannelReader<bool> Wakes => _wakes.Reader;

    /// <summary>Cancelled when the fault injector drops the connection.</summary>
    public CancellationToken Dropped => _drop.Token;

    /// <summary>The quote symbols subscribed to now; replaced whole, so readers never see a half-made set.</summary>
    public IReadOnlyCollection<string> Quotes
    {
        get => _quotes;
        set => _quotes = value;
    }

    public void Wake() => _wakes.Writer.TryWrite(true);

    public void Drop() => _drop.Cancel();

    public void Close() => _wakes.Writer.TryComplete();

    public void Dispose() => _drop.Dispose();
}
