using System.Threading.Channels;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Records the sink calls in a channel; tests await the next one with a generous timeout, never a sleep.</summary>
internal sealed class RecordingSink : ITradeUpdateSink
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Channel<SinkEvent> _events = Channel.CreateUnbounded<SinkEvent>();

    public void OnListening() => _events.Writer.TryWrite(new SinkEvent.Listening());

    public void OnDisconnected(string reason) => _events.Writer.TryWrite(new SinkEvent.Disconnected(reason));

    public void OnUpdate(TradeUpdate update) => _events.Writer.TryWrite(new SinkEvent.Update(update));

    public async Task<T> NextAsync<T>()
        where T : SinkEvent
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var next = await _events.Reader.ReadAsync(timeout.Token);
        return Assert.IsAssignableFrom<T>(next);
    }

    public async Task<TradeUpdate> NextUpdateAsync() => (await NextAsync<SinkEvent.Update>()).Value;

    /// <summary>Events recorded so far and not yet read.</summary>
    public IReadOnlyList<SinkEvent> Drain()
    {
        var drained = new List<SinkEvent>();
        while (_events.Reader.TryRead(out var next))
        {
            drained.Add(next);
        }

        return drained;
    }
}
