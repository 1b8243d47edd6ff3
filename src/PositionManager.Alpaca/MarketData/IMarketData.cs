using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;

namespace PositionManager.Alpaca.MarketData;

/// <summary>
/// The latest options prices, polled over REST: the mode that always works (no websocket, no
/// subscription beyond the free indicative feed). Symbols the feed has no data for are absent from
/// an answer, as Alpaca leaves them out. An answer that cannot be fully read fails the whole call:
/// a default price in place of a missing one could move a stop (docs/DESIGN.md invariant 8).
/// </summary>
public interface IMarketData
{
    /// <summary>Latest bid/ask per symbol, unchecked (<see cref="QuoteSanity"/> decides what may be used); <see cref="MarketQuote.Last"/> is null.</summary>
    Task<BrokerResult<IReadOnlyDictionary<string, MarketQuote>>> GetLatestQuotesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);

    /// <summary>Latest trade per symbol, for positions that watch the <c>last</c> price.</summary>
    Task<BrokerResult<IReadOnlyDictionary<string, OptionTrade>>> GetLatestTradesAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken);
}
