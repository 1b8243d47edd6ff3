using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
                if (state.Stop is { } before)
                {
                    var after = next.Stop ?? throw new InvalidOperationException("an armed stop vanished");
                    var loosened = state.Side == PositionSide.Long ? after < before : after > before;
                    if (loosened)
                    {
                        return false;
                    }
                }

                state = Settle(next, index);
            }

            return true;
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

    private static PositionState Settle(PositionState state, int step) =>
        state.Fold(Outcome(state, step, Start.AddSeconds(step + 1)));
}
