using PositionManager.Simulation.Running;

namespace PositionManager.Simulation;

/// <summary><c>./sim.sh --cluster</c>: the cluster mode's run, its figures, and the same last line and exit code as the single-node mode.</summary>
public static class ClusterCommand
{
    public static async Task<int> RunAsync(SimulationOptions options, TextWriter output)
    {
        output.WriteLine($"simulation: cluster mode, run seed {options.Seed}, {options.Scenarios} scenarios, kill chance {options.KillChance}, {options.Parallel} clusters at once, journal {options.JournalName}");
        var run = new ClusterSimulationRun(output)
        {
            KillChance = options.KillChance,
            NewJournal = options.NewJournal,
            Parallel = options.Parallel,
            MaxContracts = options.MaxContracts,
            Trace = Environment.GetEnvironmentVariable("SIM_TRACE") == "1" ? output : null,
        };
        var result = options.ScenarioSeed is { } one ? await run.RunOneAsync(one) : await run.RunAsync(options.Seed, options.Scenarios);
        if (options.ScenarioSeed is not null)
        {
            foreach (var violation in result.Outcomes.SelectMany(o => o.Violations))
            {
                output.WriteLine($"  {violation}");
            }
        }

        foreach (var line in result.Figures())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"simulation: {result.Outcomes.Count} scenarios, {result.Violations} violations");
        return result.Violations == 0 ? 0 : 1;
    }
}
