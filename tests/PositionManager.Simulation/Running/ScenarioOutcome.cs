using PositionManager.Simulation.Checks;
using PositionManager.Simulation.Scenarios;

namespace PositionManager.Simulation.Running;

/// <param name="Shortened">A failing scenario with the steps dropped that it still fails without; null when it passed.</param>
public sealed record ScenarioOutcome(Scenario Scenario, IReadOnlyList<Violation> Violations, Scenario? Shortened)
{
    public bool Failed => Violations.Count > 0;
}
