using PositionManager.Simulation.Running;

namespace PositionManager.Simulation;

/// <summary>
/// <c>dotnet run --project tests/PositionManager.Simulation -- --scenarios N [--seed S] [--scenario-seed X]</c>
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
            await Console.Error.WriteLineAsync("usage: sim.sh --scenarios N [--seed S] [--scenario-seed X] [--restart-chance P] [--max-contracts 1-50] [--cluster [--kill-chance P]]");
            return 2;
        }

        if (options.Cluster)
        {
            return await ClusterCommand.RunAsync(options, Console.Out);
        }

        Console.WriteLine($"simulation: run seed {options.Seed}, {options.Scenarios} scenarios");
        await using var world = await World.SimWorld.StartAsync();
        var run = new SimulationRun(world, Console.Out) { RestartChance = options.RestartChance, MaxContracts = options.MaxContracts, Trace = Environment.GetEnvironmentVariable("SIM_TRACE") == "1" ? Console.Out : null };
        var outcomes = options.ScenarioSeed is { } one
            ? [await run.RunOneAsync(Scenarios.ScenarioGenerator.Generate(0, one, options.RestartChance, options.MaxContracts))]
            : await run.RunAsync(options.Seed, options.Scenarios);
        if (options.ScenarioSeed is not null && outcomes[0].Failed)
        {
            foreach (var violation in outcomes[0].Violations)
            {
                Console.WriteLine($"  {violation}");
            }
        }

        var violations = outcomes.Sum(o => o.Violations.Count);
        Console.WriteLine($"simulation: {outcomes.Count} scenarios, {violations} violations");
        return violations == 0 ? 0 : 1;
    }
}
