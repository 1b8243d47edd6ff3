using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Tests.Builders;

/// <summary>Runs decisions and folds their events, as the actor does.</summary>
public static class Drive
{
    public static PositionState Fold(this PositionState state, Decision decision) =>
        decision.Events.Aggregate(state, (s, e) => s.Apply(e));

    /// <summary>A quote at <paramref name="bid"/>, with no market clock (the market counts as open).</summary>
    public static (PositionState State, Decision Decision) Tick(this PositionState state, decimal bid, DateTimeOffset? at = null) =>
        state.Tick(bid, MarketMoment.WithoutClock(at ?? APosition.OpenedAt.AddMinutes(1)));

    /// <summary>A quote at <paramref name="bid"/>, stamped with the moment's time.</summary>
    public static (PositionState State, Decision Decision) Tick(this PositionState state, decimal bid, MarketMoment market)
    {
        var decision = PositionDecisions.OnQuote(state, Quotes.Bid(state, bid, market.Now), market, Quotes.MaxAge);
        return (state.Fold(decision), decision);
    }

    public static T Single<T>(this Decision decision) where T : IPositionEvent =>
        decision.Events.OfType<T>().Single();
}
