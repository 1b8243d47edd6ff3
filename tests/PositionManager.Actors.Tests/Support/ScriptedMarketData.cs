using System.Threading.Channels;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Tests.Support;

/// <summary>
/// Market data whose every answer the test gives: each poll waits for the next one, so a test
/// knows exactly which answer each poll saw, and in which order the feed acted on them.
/// </summary>
public sealed class ScriptedMarketData : IMarketData
{
    private readonly Channel<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> _quotes = Channel.CreateUnbounded<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>>();
    private readonly Channel<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> _trades = Channel.CreateUnbounded<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>>();
    private readonly Channel<IReadOnlyList<string>> _asked = Channel.CreateUnbounded<IReadOnlyList<string>>();

    public void Answer(params MarketQuote[] quotes) =>
        _quotes.Writer.TryWrite(BrokerResult<IReadOnlyDictionary<string, MarketQuote>>.Success(quotes.ToDictionary(q => q.Symbol)));

    public void Fail(BrokerFailure failure) => _quotes.Writer.TryWrite(failure);

    public void AnswerTrades(params OptionTrade[] trades) =>
        _trades.Writer.TryWrite(BrokerResult<IReadOnlyDictionary<string, OptionTrade>>.Success(trades.ToDictionary(t => t.Symbol)));

    /// <summary>The symbols of the next quote request the feed made.</summary>
    public async Task<IReadOnlyList<string>> NextQuoteRequestAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _asked.Reader.ReadAsync(cancel.Token);
    }

    public async Task<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        _asked.Writer.TryWrite([.. symbols]);
        return await _quotes.Reader.ReadAsync(cancellationToken);
    }

    public async Task<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> GetLatestTradesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken) =>
        await _trades.Reader.ReadAsync(cancellationToken);
}
