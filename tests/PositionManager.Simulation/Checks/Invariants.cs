using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Symbols;
using PositionManager.PaperBroker.Accounts;
using PositionManager.Simulation.Scenarios;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Checks;

/// <summary>
/// The money invariants of issue 17 (item 2), judged from the broker's order log and positions and
/// from the journal, never from what the system says of itself:
/// (1) every order had an OCC option symbol and a closing intent agreeing with its side;
/// (2) no short was created by an order of ours, and a person's short is left alone and alerted;
/// (3) one order per exit, never two live orders of ours for one symbol;
/// (4) nothing sold or bought back beyond what the broker held and had available at that moment;
/// (5) every exit that was due got its order once faults allowed, or is reported stuck;
/// (6) a long's stop never moved down, a short's never up;
/// (7) the recovered state of every position equals the fold of its journal.
/// </summary>
public static class Invariants
{
    public static IReadOnlyList<Violation> Check(Scenario scenario, RunRecord run)
    {
        var violations = new List<Violation>();
        OrdersAreClosesOfOptions(run, violations);
        NoShortCreated(scenario, run, violations);
        OneOrderPerExit(run, violations);
        NeverBeyondHeld(run, violations);
        violations.AddRange(run.Stuck.Select(s => new Violation(5, s)));
        StopsNeverLoosen(run, violations);
        RecoveredEqualsFold(run, violations);
        return violations;
    }

    private static void OrdersAreClosesOfOptions(RunRecord run, List<Violation> violations)
    {
        foreach (var submit in run.Submits)
        {
            if (!OptionSymbol.TryParse(submit.Symbol, out _, out var reason))
            {
                violations.Add(new Violation(1, $"{submit.ClientOrderId} was sent for {submit.Symbol}, not an option: {reason}"));
            }

            if (submit.Intent is not { } intent || !Closes(submit.Side, intent))
            {
                violations.Add(new Violation(1, $"{submit.ClientOrderId} {submit.Side} {submit.Symbol} was sent with intent {submit.Intent?.ToWire() ?? "none"}"));
            }
        }

        foreach (var order in Ours(run))
        {
            if (order.AssetClass != AssetClass.UsOption || !Closes(order.Side, order.PositionIntent))
            {
                violations.Add(new Violation(1, $"the broker booked {order.ClientOrderId} as {order.Side} {order.Symbol} {order.PositionIntent.ToWire()}"));
            }
        }
    }

    private static void NoShortCreated(Scenario scenario, RunRecord run, List<Violation> violations)
    {
        foreach (var contract in scenario.Contracts)
        {
            if (run.Held.GetValueOrDefault(contract.Symbol) < 0)
            {
                violations.Add(new Violation(2, $"{contract.Symbol} ends short {run.Held[contract.Symbol]}"));
            }
        }

        if (run.Held.GetValueOrDefault(scenario.Stock) != SimulationAccount.StockShares)
        {
            violations.Add(new Violation(2, $"the stock {scenario.Stock} ends at {run.Held.GetValueOrDefault(scenario.Stock)}, not the {SimulationAccount.StockShares} it was"));
        }

        if (scenario.HandShort is { } hand)
        {
            if (run.Held.GetValueOrDefault(hand) != -SimulationAccount.HandShortContracts)
            {
                violations.Add(new Violation(2, $"the person's short {hand} ends at {run.Held.GetValueOrDefault(hand)}: it was not left alone"));
            }

            if (!run.Alerts.Any(a => a.Symbol == hand && a.Kind == Actors.Reconciliation.AlertKind.UnmanagedShort))
            {
                violations.Add(new Violation(2, $"the person's short {hand} was never alerted"));
            }
        }
    }

    private static void OneOrderPerExit(RunRecord run, List<Violation> violations)
    {
        var exits = run.Journals.Values.SelectMany(events => events.OfType<ExitTriggered>()).Select(e => e.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        foreach (var submit in run.Submits.Where(s => !exits.Contains(s.ClientOrderId)))
        {
            violations.Add(new Violation(3, $"{submit.ClientOrderId} ({submit.Side} {submit.Quantity} {submit.Symbol}) went out with no exit journaled for it"));
        }

        foreach (var duplicate in Ours(run).GroupBy(o => o.ClientOrderId).Where(g => g.Count() > 1))
        {
            violations.Add(new Violation(3, $"{duplicate.Key} is {duplicate.Count()} orders at the broker"));
        }

        foreach (var symbol in Ours(run).GroupBy(o => o.Symbol))
        {
            var byCreation = symbol.OrderBy(o => o.CreatedAt).ToList();
            for (var i = 1; i < byCreation.Count; i++)
            {
                var before = byCreation[i - 1];
                if (byCreation[i].CreatedAt < EndOf(before))
                {
                    violations.Add(new Violation(3, $"{byCreation[i].ClientOrderId} was created while {before.ClientOrderId} of {symbol.Key} was still live"));
                }
            }
        }
    }

    private static void NeverBeyondHeld(RunRecord run, List<Violation> violations)
    {
        foreach (var submit in run.Submits)
        {
            var closesWhatIsHeld = submit.Side == OrderSide.Sell ? submit.HeldBefore > 0 : submit.HeldBefore < 0;
            if (!closesWhatIsHeld || submit.Quantity > submit.AvailableBefore || submit.Quantity > Math.Abs(submit.HeldBefore))
            {
                violations.Add(new Violation(4, $"{submit.ClientOrderId} {submit.Side} {submit.Quantity} {submit.Symbol} when the broker held {submit.HeldBefore} ({submit.AvailableBefore} available)"));
            }
        }
    }

    private static void StopsNeverLoosen(RunRecord run, List<Violation> violations)
    {
        foreach (var (id, events) in run.Journals)
        {
            var state = PositionState.New(id);
            foreach (var change in events)
            {
                var next = state.Apply(change);
                if (change is PeakRaised && state.Stop is { } before && next.Stop is { } after && Loosened(next.Side, before, after))
                {
                    violations.Add(new Violation(6, $"{id}'s stop moved from {before} to {after} ({next.Side})"));
                }

                state = next;
            }
        }
    }

    private static void RecoveredEqualsFold(RunRecord run, List<Violation> violations)
    {
        foreach (var (id, events) in run.Journals)
        {
            var folded = events.Aggregate(PositionState.New(id), (state, change) => state.Apply(change));
            if (run.Live.TryGetValue(id, out var live) && live != folded)
            {
                violations.Add(new Violation(7, $"{id} answers {live} but its journal folds to {folded}"));
            }
        }
    }

    private static bool Loosened(PositionSide side, decimal before, decimal after) =>
        side == PositionSide.Long ? after < before : after > before;

    private static bool Closes(OrderSide side, PositionIntent intent) =>
        (side, intent) is (OrderSide.Sell, PositionIntent.SellToClose) or (OrderSide.Buy, PositionIntent.BuyToClose);

    private static IEnumerable<PaperOrder> Ours(RunRecord run)
    {
        var sent = run.Submits.Select(s => s.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        return run.Orders.Where(o => sent.Contains(o.ClientOrderId));
    }

    private static DateTimeOffset EndOf(PaperOrder order) =>
        order.FilledAt ?? order.CanceledAt ?? order.ExpiredAt ?? order.FailedAt ?? DateTimeOffset.MaxValue;
}
