using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Records the trade-update sink calls (<see cref="RecordedEvents{TEvent}"/>).</summary>
internal sealed class RecordingSink : ITradeUpdateSink
{
    private readonly RecordedEvents<SinkEvent> _events = new();

    public void OnListening() => _events.Record(new SinkEvent.Listening());

    public void OnDisconnected(string reason) => _events.Record(new SinkEvent.Disconnected(reason));

    public void OnUpdate(TradeUpdate update) => _events.Record(new SinkEvent.Update(update));

    public Task<T> NextAsync<T>()
        where T : SinkEvent => _events.NextAsync<T>();

    public async Task<TradeUpdate> NextUpdateAsync() => (await NextAsync<SinkEvent.Update>()).Value;

    /// <summary>Events recorded so far and not yet read.</summary>
    public IReadOnlyList<SinkEvent> Drain() => _events.Drain();
}
