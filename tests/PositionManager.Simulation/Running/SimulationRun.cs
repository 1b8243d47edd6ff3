using System.Diagnostics;
using PositionManager.Simulation.Checks;
using PositionManager.Simulation.Scenarios;
using PositionManager.Simulation.World;

namespace PositionManager.Simulation.Running;

/// <summary>
/// N scenarios of one run seed on one world. A failing scenario is run again with steps dropped,
/// one at a time, keeping each drop after which it still fails: the trace printed is the short one.
/// </summary>
public sealed class SimulationRun(SimWorld world, TextWriter output)
{
    /// <summary>At most this many re-runs to shorten one failure (each is a whole scenario).</summary>
    public int ShorteningBudget { get; init; } = 40;

    public double RestartChance { get; init; } = 0.03;

    /// <summary>The most option positions a scenario holds.</summary>
    public int MaxContracts { get; init; } = 50;

    /// <summary>Each step's wall time, when set.</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Re-runs of scenario k use indexes k + stride·n: above any index a run of fewer than 100,000 reaches, so their contracts are unused.</summary>
    private const int RenameStride = 100_000;

    /// <summary>Counts and prints the scenarios done; shared by the worlds of a parallel run.</summary>
    public RunProgress? Progress { get; init; }

    public Task<IReadOnlyList<ScenarioOutcome>> RunAsync(int runSeed, int scenarios, int firstIndex = 0)
    {
        var next = firstIndex;
        return RunAsync(runSeed, () => next < firstIndex + scenarios ? next++ : null);
    }

    /// <summary>Runs the scenarios whose indexes <paramref name="nextIndex"/> hands out until it has none left.</summary>
    public async Task<IReadOnlyList<ScenarioOutcome>> RunAsync(int runSeed, Func<int?> nextIndex)
    {
        var outcomes = new List<ScenarioOutcome>();
        var progress = Progress ?? new RunProgress(output);
        while (nextIndex() is { } index)
        {
            var scenario = ScenarioGenerator.Generate(index, ScenarioGenerator.SeedOf(runSeed, index), RestartChance, MaxContracts);
            var started = Stopwatch.GetTimestamp();
            var outcome = await RunOneAsync(scenario);
            Trace?.WriteLine($"  scenario {index}: {scenario.Contracts.Count} contracts, {scenario.Steps.Count} steps, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
            outcomes.Add(outcome);
            progress.Done(outcome, () => Report(outcome, runSeed));
        }

        return outcomes;
    }

    public async Task<ScenarioOutcome> RunOneAsync(Scenario scenario)
    {
        var violations = await PlayAsync(scenario, Trace);
        if (violations.Count == 0)
        {
            return new ScenarioOutcome(scenario, violations, null);
        }

        return new ScenarioOutcome(scenario, violations, await ShortenAsync(scenario, violations));
    }

    /// <summary>
    /// A scenario that cannot finish (an ask the system never answers, a journal that fails) is a
    /// failure of its own, reported with its seed like any other, not the end of the whole run.
    /// </summary>
    private async Task<IReadOnlyList<Violation>> PlayAsync(Scenario scenario, TextWriter? trace)
    {
        try
        {
            return await new ScenarioRunner(world) { Trace = trace }.RunAsync(scenario);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return [new Violation(Violation.DidNotFinish, $"the scenario did not finish: {error.GetType().Name}: {error.Message}")];
        }
    }

    private async Task<Scenario> ShortenAsync(Scenario failing, IReadOnlyList<Violation> violations)
    {
        var invariants = violations.Select(v => v.Invariant).ToHashSet();
        var shortest = failing;
        var budget = ShorteningBudget;
        for (var i = shortest.Steps.Count - 1; i >= 0 && budget > 0; i--, budget--)
        {
            // A re-run trades fresh contracts (a new root), so nothing the failing run journaled or ordered is mistaken for its own.
            var fewer = ScenarioGenerator.Generate(failing.Index + (RenameStride * (ShorteningBudget - budget + 1)), failing.Seed, RestartChance, MaxContracts) with
            {
                Steps = [.. shortest.Steps.Where((_, k) => k != i)],
            };
            var again = await PlayAsync(fewer, trace: null);
            if (again.Any(v => invariants.Contains(v.Invariant)))
            {
                shortest = fewer;
            }
        }

        return shortest;
    }

    /// <summary>Called under the progress's lock, so a parallel run's reports do not interleave.</summary>
    private void Report(ScenarioOutcome outcome, int runSeed)
    {
        var scenario = outcome.Scenario;
        output.WriteLine($"FAILED scenario {scenario.Index} of run seed {runSeed}: scenario seed {scenario.Seed} (reproduce: ./sim.sh --scenario-seed {scenario.Seed})");
        foreach (var violation in outcome.Violations.Take(10))
        {
            output.WriteLine($"  {violation}");
        }

        var trace = outcome.Shortened ?? scenario;
        output.WriteLine($"  shortened trace ({trace.Steps.Count} of {scenario.Steps.Count} steps; {trace.Contracts.Count} contracts, fill delay {trace.FillDelay.TotalSeconds} s, partial {trace.PartialFillQty?.ToString() ?? "none"}):");
        foreach (var step in trace.Steps)
        {
            output.WriteLine($"    {Describe(step)}");
        }
    }

    private static string Describe(Step step) => step switch
    {
        Step.Market m => $"market +{m.Elapsed.TotalSeconds} s: {string.Join(", ", m.Quotes.Take(4).Select(q => $"#{q.Contract} {q.Bid}/{q.Ask}{(q.Problem == QuoteProblem.None ? "" : " " + q.Problem)}"))}{(m.Quotes.Count > 4 ? $" (+{m.Quotes.Count - 4} more)" : "")}",
        _ => step.ToString(),
    };
}
