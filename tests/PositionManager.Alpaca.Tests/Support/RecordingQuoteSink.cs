using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Records the quote sink calls (<see cref="RecordedEvents{TEvent}"/>).</summary>
internal sealed class RecordingQuoteSink : IQuoteSink
{
    private readonly RecordedEvents<QuoteSinkEvent> _events = new();

    public void OnSubscribed(IReadOnlySet<string> symbols) => _events.Record(new QuoteSinkEvent.Subscribed(symbols));

    public void OnDisconnected(string reason) => _events.Record(new QuoteSinkEvent.Disconnected(reason));

    public void OnQuote(MarketQuote quote) => _events.Record(new QuoteSinkEvent.Quote(quote));

    public Task<T> NextAsync<T>()
        where T : QuoteSinkEvent => _events.NextAsync<T>();

    /// <summary>Skips subscription news until the server confirms exactly <paramref name="symbols"/>.</summary>
    public async Task SubscribedToAsync(params string[] symbols)
    {
        while (!(await NextAsync<QuoteSinkEvent.Subscribed>()).Symbols.SetEquals(symbols))
        {
        }
    }
}
