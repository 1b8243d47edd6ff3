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

    /// <param name="Trades">Null when no watched position uses the last price.</param>
    public sealed record Polled(
        BrokerResult<IReadOnlyDictionary<string, MarketQuote>> Quotes,
        BrokerResult<IReadOnlyDictionary<string, OptionTrade>>? Trades) : INoSerializationVerificationNeeded;
}
