using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests.Properties;

public class PositionProperties
{
    private static readonly DateTimeOffset Start = APosition.OpenedAt;

    /// <summary>(b) Ticks never loosen a stop: a long's never moves down, a short's never up.</summary>
    [Property(MaxTest = 1000)]
    public Property The_stop_only_ever_tightens() =>
        Prop.ForAll(Generators.Positions().ToArbitrary(), Generators.PricePaths().ToArbitrary(), (builder, path) =>
        {
            var state = builder.Build();
            foreach (var (price, index) in path.Select((p, i) => (p, i)))
            {
                var next = state.Tick(price, Start.AddSeconds(index + 1)).State;
                if (Loosened(state, next))
                {
                    return false;
                }

                state = Settle(next, index, Start.AddSeconds(index + 1));
            }

            return true;
        });

    /// <summary>
    /// A stop never loosens in any trailing mode (percent, amount, give-back), for a long or a
    /// short, whatever the walk: prices up and down, gaps, the market closing and opening, time
    /// passing through holds and closes, exits firing and filling in part or in full.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property A_stop_never_loosens_in_any_trailing_mode_for_longs_and_shorts() =>
        Prop.ForAll(
            Gen.Elements(PositionSide.Long, PositionSide.Short).ToArbitrary(),
            Generators.Trails().ToArbitrary(),
            Generators.Walks().ToArbitrary(),
            (side, trail, walk) =>
            {
                var policy = new ExitPolicy(Trailing: trail, ScaleOuts: [new ScaleOutTarget(20, 30)], MinHold: TimeSpan.FromMinutes(2));
                var builder = (side == PositionSide.Long ? APosition.Long(10) : APosition.Short(10)).At(5.00m).With(policy);
                var state = builder.Build();
                var at = Start;
                foreach (var (step, index) in walk.Select((s, i) => (s, i)))
                {
                    at += step.After;
                    var next = Evaluate(state, step, at).State;
                    if (Loosened(state, next))
                    {
                        return false.Label($"{trail} {side}: stop {state.Stop} became {next.Stop} at step {index} ({step})");
                    }

                    state = Settle(next, index, at);
                }

                return true.ToProperty();
            });

    /// <summary>(c) Replaying a position's events through Apply rebuilds exactly the state that produced them.</summary>
    [Property(MaxTest = 1000)]
    public Property Replaying_the_journal_rebuilds_the_same_state() =>
        Prop.ForAll(Generators.Positions().ToArbitrary(), Generators.PricePaths().ToArbitrary(), (builder, path) =>
        {
            var empty = PositionState.New(Generators.Call);
            var journal = new List<IPositionEvent>(PositionDecisions.Open(empty, builder.Command(), Start).Events);
            var live = journal.Aggregate(empty, (s, e) => s.Apply(e));
            foreach (var (price, index) in path.Select((p, i) => (p, i)))
            {
                var at = Start.AddSeconds(index + 1);
                foreach (var decision in new[] { live.Tick(price, at).Decision, Outcome(live, index, at) })
                {
                    journal.AddRange(decision.Events);
                    live = live.Fold(decision);
                }
            }

            var replayed = journal.Aggregate(empty, (s, e) => s.Apply(e));
            return replayed == live;
        });

    /// <summary>
    /// (c) with the new rules: over walks in time (the market closing and opening, holds, session
    /// closes, max holds, scale-outs, policy changes) the journal still folds back to the live state.
    /// </summary>
    [Property(MaxTest = 1000)]
    public Property Replaying_the_journal_of_a_walk_in_time_rebuilds_the_same_state() =>
        Prop.ForAll(Generators.Positions().ToArbitrary(), Generators.Walks().ToArbitrary(), Generators.Policies().ToArbitrary(), (builder, walk, changed) =>
        {
            var empty = PositionState.New(Generators.Call);
            var journal = new List<IPositionEvent>(PositionDecisions.Open(empty, builder.Command(), Start).Events);
            var live = journal.Aggregate(empty, (s, e) => s.Apply(e));
            var at = Start;
            foreach (var (step, index) in walk.Select((s, i) => (s, i)))
            {
                at += step.After;
                var change = index == walk.Length / 2 ? PositionDecisions.ChangePolicy(live, changed, at) : Decision.Nothing;
                journal.AddRange(change.Events);
                live = live.Fold(change);
                var (_, decision) = Evaluate(live, step, at);
                journal.AddRange(decision.Events);
                live = live.Fold(decision);
                var outcome = Outcome(live, index, at);
                journal.AddRange(outcome.Events);
                live = live.Fold(outcome);
            }

            var replayed = journal.Aggregate(empty, (s, e) => s.Apply(e));
            return replayed == live;
        });

    /// <summary>While the market is closed, nothing a quote or the clock brings changes the state.</summary>
    [Property(MaxTest = 500)]
    public Property Nothing_changes_while_the_market_is_closed() =>
        Prop.ForAll(Generators.Positions().ToArbitrary(), Generators.Walks().ToArbitrary(), (builder, walk) =>
        {
            var state = builder.Build();
            var at = Start;
            foreach (var step in walk)
            {
                at += step.After;
                if (Evaluate(state, step with { MarketOpen = false }, at).Decision.Events.Count > 0)
                {
                    return false;
                }
            }

            return true;
        });

    private static (PositionState State, Decision Decision) Evaluate(PositionState state, Generators.Step step, DateTimeOffset at)
    {
        var market = new MarketMoment(at, step.MarketOpen);
        if (step.ClockOnly)
        {
            var decision = PositionDecisions.OnClock(state, market);
            return (state.Fold(decision), decision);
        }

        return state.Tick(step.Price, market);
    }

    private static bool Loosened(PositionState before, PositionState after)
    {
        if (before.Stop is not { } was)
        {
            return false;
        }

        // A stop, once set, stays set; it may only move in the holder's favour.
        return after.Stop is not { } now || (before.Side == PositionSide.Long ? now < was : now > was);
    }

    /// <summary>Resolves a pending exit in one of the ways a broker can, chosen by the step number.</summary>
    private static Decision Outcome(PositionState state, int step, DateTimeOffset at)
    {
        if (state.PendingExit is not { } pending)
        {
            return Decision.Nothing;
        }

        OrderOutcome outcome = (step % 5) switch
        {
            0 => new OrderOutcome.Submitted(pending.ExitSequence, pending.ClientOrderId, $"ord-{step}"),
            1 => new OrderOutcome.Rejected(pending.ExitSequence, "rejected by the broker"),
            2 => new OrderOutcome.Fill(pending.ExitSequence, Math.Max(1, pending.Quantity / 2), 4.5m, false),
            3 => new OrderOutcome.Fill(pending.ExitSequence, pending.Quantity, 4.5m, true),
            _ => new OrderOutcome.Ended(pending.ExitSequence, "canceled"),
        };
        return PositionDecisions.OnOrderOutcome(state, outcome, at);
    }

    private static PositionState Settle(PositionState state, int step, DateTimeOffset at) =>
        state.Fold(Outcome(state, step, at));
}
