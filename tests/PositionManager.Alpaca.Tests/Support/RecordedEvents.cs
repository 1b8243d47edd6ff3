using System.Threading.Channels;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>What a recording sink was told, in order; tests await the next one with a generous timeout, never a sleep.</summary>
internal sealed class RecordedEvents<TEvent>
    where TEvent : class
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Channel<TEvent> _events = Channel.CreateUnbounded<TEvent>();

    public void Record(TEvent recorded) => _events.Writer.TryWrite(recorded);

    public async Task<T> NextAsync<T>()
        where T : TEvent
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var next = await _events.Reader.ReadAsync(timeout.Token);
        return Assert.IsAssignableFrom<T>(next);
    }

    /// <summary>Events recorded so far and not yet read.</summary>
    public IReadOnlyList<TEvent> Drain()
    {
        var drained = new List<TEvent>();
        while (_events.Reader.TryRead(out var next))
        {
            drained.Add(next);
        }

        return drained;
    }
}
