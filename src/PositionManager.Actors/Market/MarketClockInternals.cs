using Akka.Actor;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Actors.Market;

/// <summary>Messages the market clock sends itself (timers, answers of its broker reads); never serialized.</summary>
internal static class MarketClockInternals
{
    public sealed class ReadClock : INoSerializationVerificationNeeded
    {
        public static readonly ReadClock Instance = new();
    }

    public sealed record ClockRead(BrokerResult<BrokerClock> Result) : INoSerializationVerificationNeeded;

    public sealed record CalendarRead(DateOnly From, DateOnly To, BrokerResult<IReadOnlyList<TradingSession>> Result) : INoSerializationVerificationNeeded;
}
