using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.PaperBroker.Accounts;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Checks;

/// <summary>What one scenario left behind, gathered from the broker's own records and the journal once the run has drained.</summary>
/// <param name="Submits">Every order our system asked for, with what the broker held at that instant.</param>
/// <param name="Orders">The broker's order log for the scenario's symbols, ours and the people's.</param>
/// <param name="Held">The broker's signed quantity of every scenario symbol at the end.</param>
/// <param name="Journals">Each position's events, by position id.</param>
/// <param name="Live">Each position's state as its (recovered) actor answers it.</param>
/// <param name="Stuck">Positions an exit should have closed and did not, with why.</param>
public sealed record RunRecord(
    IReadOnlyList<SubmitRecord> Submits,
    IReadOnlyList<PaperOrder> Orders,
    IReadOnlyDictionary<string, decimal> Held,
    IReadOnlyDictionary<string, IReadOnlyList<IPositionEvent>> Journals,
    IReadOnlyDictionary<string, PositionState> Live,
    IReadOnlyList<ReconcilerAlert> Alerts,
    IReadOnlyList<string> Stuck);
