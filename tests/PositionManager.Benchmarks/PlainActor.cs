using Akka.Actor;
using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>
/// The raw baseline: a plain local actor doing exactly the entity's per-tick work on the same
/// state (read the clock, keep the last quote, run <see cref="PositionDecisions.OnQuote"/>, fold
/// any events in), reached by a direct Tell. What the region's figure adds on top of this is the
/// cost of sharding (region, shard, entity lookup) and of the persistent actor's machinery.
/// </summary>
public sealed class PlainActor : UntypedActor
{
    public const string Description = "a plain local actor running PositionDecisions.OnQuote on the same open position's state, no sharding, no persistence";

    private readonly TimeSpan _maxQuoteAge;
    private PositionState _state;
    private MarketQuote? _lastQuote;
    private DateTimeOffset? _lastQuoteAt;

    public PlainActor(PositionState state, TimeSpan maxQuoteAge)
    {
        _state = state;
        _maxQuoteAge = maxQuoteAge;
    }

    public sealed record Ping : INoSerializationVerificationNeeded
    {
        public static readonly Ping Instance = new();
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case PriceTick tick:
                var now = TimeProvider.System.GetUtcNow();
                _lastQuote = tick.Quote;
                _lastQuoteAt = now;
                foreach (var change in PositionDecisions.OnQuote(_state, tick.Quote, MarketMoment.WithoutClock(now), _maxQuoteAge).Events)
                {
                    _state = _state.Apply(change);
                }

                break;
            case Ping:
                Sender.Tell(new PositionView(_state, _lastQuote, _lastQuoteAt));
                break;
        }
    }
}
