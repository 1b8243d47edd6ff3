using Akka.Actor;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Prices;

/// <summary>Messages the feed sends itself; they never leave the node.</summary>
internal static class PriceFeedInternals
{
    public sealed class Poll : INoSerializationVerificationNeeded
    {
        public static readonly Poll Instance = new();
    }

    /// <param name="Symbols">The symbols this poll asked for: only they are judged by its answer.</param>
    /// <param name="Trades">Null when no watched position uses the last price.</param>
    public sealed record Polled(
        IReadOnlyList<string> Symbols,
        BrokerResult<IReadOnlyDictionary<string, MarketQuote>> Quotes,
        BrokerResult<IReadOnlyDictionary<string, OptionTrade>>? Trades) : INoSerializationVerificationNeeded;

    /// <summary>The quote stream is up and streams exactly these symbols (none right after it connects).</summary>
    public sealed record StreamSubscribed(IReadOnlySet<string> Symbols) : INoSerializationVerificationNeeded;

    public sealed record StreamDisconnected(string Reason) : INoSerializationVerificationNeeded;

    public sealed record StreamedQuote(MarketQuote Quote) : INoSerializationVerificationNeeded;
}
