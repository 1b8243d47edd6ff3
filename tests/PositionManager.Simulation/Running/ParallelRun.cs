using PositionManager.Persistence;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Running;

/// <summary>
/// One run seed's scenarios over several worlds at once, each world taking the next index when it
/// is free. A scenario depends only on its index and the run seed (its own contracts and journal
/// ids), never on the world or on what ran before it, so the outcomes are those of one world running
/// them all, and any one reproduces alone from its scenario seed. Each world is a broker and a node
/// of its own; on 2 cores three of them keep the cores busy while the others wait on their clocks.
/// </summary>
public static class ParallelRun
{
    public static async Task<IReadOnlyList<ScenarioOutcome>> RunAsync(int worlds, int runSeed, int scenarios, Func<JournalTarget> newJournal, Func<SimWorld, SimulationRun> runOn)
    {
        var next = -1;
        int? NextIndex()
        {
            var index = Interlocked.Increment(ref next);
            return index < scenarios ? index : null;
        }

        var started = await Task.WhenAll(Enumerable.Range(0, worlds).Select(_ => SimWorld.StartAsync(newJournal())));
        try
        {
            var perWorld = await Task.WhenAll(started.Select(world => Task.Run(() => runOn(world).RunAsync(runSeed, NextIndex))));
            return [.. perWorld.SelectMany(outcomes => outcomes).OrderBy(outcome => outcome.Scenario.Index)];
        }
        finally
        {
            foreach (var world in started)
            {
                await world.DisposeAsync();
            }
        }
    }
}
