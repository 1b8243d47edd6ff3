using System.Threading.Channels;
using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Records the quote sink calls in a channel; tests await the next one with a generous timeout, never a sleep.</summary>
internal sealed class RecordingQuoteSink : IQuoteSink
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly Channel<QuoteSinkEvent> _events = Channel.CreateUnbounded<QuoteSinkEvent>();

    public void OnSubscribed(IReadOnlySet<string> symbols) => _events.Writer.TryWrite(new QuoteSinkEvent.Subscribed(symbols));

    public void OnDisconnected(string reason) => _events.Writer.TryWrite(new QuoteSinkEvent.Disconnected(reason));

    public void OnQuote(MarketQuote quote) => _events.Writer.TryWrite(new QuoteSinkEvent.Quote(quote));

    public async Task<T> NextAsync<T>()
        where T : QuoteSinkEvent
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var next = await _events.Reader.ReadAsync(timeout.Token);
        return Assert.IsAssignableFrom<T>(next);
    }

    /// <summary>Skips subscription news until the server confirms exactly <paramref name="symbols"/>.</summary>
    public async Task SubscribedToAsync(params string[] symbols)
    {
        while (!(await NextAsync<QuoteSinkEvent.Subscribed>()).Symbols.SetEquals(symbols))
        {
        }
    }
}
