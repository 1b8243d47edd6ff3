using Xunit;

namespace PositionManager.Simulation;

/// <summary>
/// The simulation's tests run one after another: each drives a whole system on a shared 2-core
/// machine, and a planted bug in a static seam must not leak into another test's run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulationCollection
{
    public const string Name = "simulation";
}
