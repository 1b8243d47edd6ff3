using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Domain.Tests.Builders;

/// <summary>Runs decisions and folds their events, as the actor does.</summary>
public static class Drive
{
    public static PositionState Fold(this PositionState state, Decision decision) =>
        decision.Events.Aggregate(state, (s, e) => s.Apply(e));

    public static (PositionState State, Decision Decision) Tick(this PositionState state, decimal bid, DateTimeOffset? at = null)
    {
        var now = at ?? APosition.OpenedAt.AddMinutes(1);
        var decision = PositionDecisions.OnQuote(state, Quotes.Bid(state, bid, now), now, Quotes.MaxAge);
        return (state.Fold(decision), decision);
    }

    public static T Single<T>(this Decision decision) where T : IPositionEvent =>
        decision.Events.OfType<T>().Single();
}
