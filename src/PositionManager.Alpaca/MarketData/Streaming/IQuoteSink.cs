using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.MarketData.Streaming;

/// <summary>Receives the quote stream's news. Called from the stream's own task; implementations hand off (e.g. Tell).</summary>
public interface IQuoteSink
{
    /// <summary>
    /// Connected and authenticated (then with no symbols), or the server confirmed a subscription
    /// change: quotes of exactly these symbols stream from now on. Symbols asked for but missing
    /// here (refused, over the plan's limit) are not streamed and must be polled.
    /// </summary>
    void OnSubscribed(IReadOnlySet<string> symbols);

    /// <summary>The stream is down (refused, dropped, unauthorized); no quotes until the next <see cref="OnSubscribed"/>.</summary>
    void OnDisconnected(string reason);

    /// <summary>A quote as it arrived, unchecked (<see cref="QuoteSanity"/> decides); <see cref="MarketQuote.Last"/> is null.</summary>
    void OnQuote(MarketQuote quote);
}
