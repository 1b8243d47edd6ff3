using PositionManager.Simulation.Running;

namespace PositionManager.Simulation;

/// <summary>
/// <c>dotnet run --project tests/PositionManager.Simulation -- --scenarios N [--seed S] [--scenario-seed X] [--parallel W]</c>
/// (./sim.sh): runs N seeded scenarios and ends with <c>simulation: N scenarios, M violations</c>;
/// exit code 1 on any violation, 2 on a wrong command line.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!SimulationOptions.TryParse(args, out var options, out var error))
        {
            await Console.Error.WriteLineAsync($"sim: {error}");
            await Console.Error.WriteLineAsync("usage: sim.sh --scenarios N [--seed S] [--scenario-seed X] [--restart-chance P] [--max-contracts 1-50] [--parallel 1-8] [--postgres] [--cluster [--kill-chance P]]");
            return 2;
        }

        if (options.Cluster)
        {
            return await ClusterCommand.RunAsync(options, Console.Out);
        }

        Console.WriteLine($"simulation: run seed {options.Seed}, {options.Scenarios} scenarios, journal {options.JournalName}");
        var progress = new RunProgress(Console.Out);
        var trace = Environment.GetEnvironmentVariable("SIM_TRACE") == "1" ? Console.Out : null;
        SimulationRun RunOn(World.SimWorld world) =>
            new(world, Console.Out) { RestartChance = options.RestartChance, MaxContracts = options.MaxContracts, Trace = trace, Progress = progress };
        IReadOnlyList<ScenarioOutcome> outcomes;
        if (options.ScenarioSeed is { } one)
        {
            await using var world = await World.SimWorld.StartAsync(options.NewJournal());
            var outcome = await RunOn(world).RunOneAsync(Scenarios.ScenarioGenerator.Generate(0, one, options.RestartChance, options.MaxContracts));
            foreach (var violation in outcome.Violations)
            {
                Console.WriteLine($"  {violation}");
            }

            outcomes = [outcome];
        }
        else
        {
            outcomes = await ParallelRun.RunAsync(options.Parallel, options.Seed, options.Scenarios, options.NewJournal, RunOn);
        }

        Console.WriteLine($"simulation: wall time {progress.Elapsed.TotalSeconds:F1} s on {(options.ScenarioSeed is null ? options.Parallel : 1)} worlds ({progress.Elapsed.TotalSeconds / outcomes.Count:F3} s a scenario)");
        var violations = outcomes.Sum(o => o.Violations.Count);
        Console.WriteLine($"simulation: {outcomes.Count} scenarios, {violations} violations");
        return violations == 0 ? 0 : 1;
    }
}
