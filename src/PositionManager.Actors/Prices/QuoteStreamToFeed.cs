using Akka.Actor;
using PositionManager.Alpaca.MarketData.Streaming;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Prices.PriceFeedInternals;

namespace PositionManager.Actors.Prices;

/// <summary>Hands the quote stream's news (called on the stream's task) to the feed actor as messages.</summary>
internal sealed class QuoteStreamToFeed(IActorRef feed) : IQuoteSink
{
    public void OnSubscribed(IReadOnlySet<string> symbols) => feed.Tell(new StreamSubscribed(symbols));

    public void OnDisconnected(string reason) => feed.Tell(new StreamDisconnected(reason));

    public void OnQuote(MarketQuote quote) => feed.Tell(new StreamedQuote(quote));
}
