using System.Diagnostics;
using PositionManager.Persistence;
using PositionManager.Simulation.Scenarios;
using PositionManager.Simulation.World;
using PositionManager.TestSupport;

namespace PositionManager.Simulation.Running;

/// <summary>
/// The cluster mode: each scenario on a world of its own (broker, journal file, and the 2-3 members
/// its <see cref="ClusterPlan"/> draws from the scenario seed), played by the single-node mode's
/// runner, whose node fault (<see cref="Step.NodeRestart"/>) kills a member here. A fresh world per
/// scenario keeps a kill from leaving the next scenario a member short.
/// </summary>
public sealed class ClusterSimulationRun(TextWriter output)
{
    /// <summary>
    /// The generator's restart chance: at 1 a scenario kills a member unless its steps end before
    /// the step the generator drew for it (2-9 of 6-15 steps: 1 in 8 scenarios then kills nothing).
    /// </summary>
    public double KillChance { get; init; } = 1.0;

    public int MaxContracts { get; init; } = 50;

    /// <summary>Shorter than the single-node mode's 40: each re-run of a failure kills again, after a replacement member joined.</summary>
    public int ShorteningBudget { get; init; } = 10;

    public PlantedBug Bug { get; init; }

    public TextWriter? Trace { get; init; }

    /// <summary>Each scenario's cluster journal: a SQLite file unless told (the console's --postgres).</summary>
    public Func<JournalTarget> NewJournal { get; init; } = TestJournals.NewSqlite;

    /// <summary>Clusters playing scenarios at once: each mostly waits on the cluster's wall-clock timers.</summary>
    public int Parallel { get; init; } = 1;

    public async Task<ClusterRunResult> RunAsync(int runSeed, int scenarios, int firstIndex = 0)
    {
        var result = new ClusterRunResult();
        var progress = new RunProgress(output, every: 10);
        var next = firstIndex - 1;
        async Task PlayNextAsync()
        {
            for (var index = Interlocked.Increment(ref next); index < firstIndex + scenarios; index = Interlocked.Increment(ref next))
            {
                var scenario = index;
                await PlayAsync(result, ScenarioGenerator.SeedOf(runSeed, scenario), run => run.RunAsync(runSeed, 1, scenario), progress);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => Task.Run(PlayNextAsync)));
        return result;
    }

    /// <summary>One scenario again by the seed a failure printed (<c>--cluster --scenario-seed X</c>).</summary>
    public async Task<ClusterRunResult> RunOneAsync(int scenarioSeed)
    {
        var result = new ClusterRunResult();
        await PlayAsync(result, scenarioSeed, async run => [await run.RunOneAsync(ScenarioGenerator.Generate(0, scenarioSeed, KillChance, MaxContracts))], new RunProgress(output));
        return result;
    }

    private async Task PlayAsync(ClusterRunResult result, int seed, Func<SimulationRun, Task<IReadOnlyList<ScenarioOutcome>>> play, RunProgress progress)
    {
        var plan = ClusterPlan.For(seed);
        var wall = Stopwatch.StartNew();
        ScenarioOutcome outcome;
        IReadOnlyList<MemberKill> kills;
        await using (var world = await SimWorld.StartClusterAsync(plan, NewJournal()))
        {
            Trace?.WriteLine($"    {wall.ElapsedMilliseconds,6} ms  cluster of {plan} up");
            world.Bug = Bug;
            var run = new SimulationRun(world, output) { RestartChance = KillChance, MaxContracts = MaxContracts, ShorteningBudget = ShorteningBudget, Trace = Trace, Progress = progress };
            outcome = (await play(run)).Single();
            kills = world.Kills;
            if (outcome.Failed)
            {
                output.WriteLine($"  on a cluster of {plan}; reproduce: ./sim.sh --cluster --scenario-seed {seed}{(KillChance == 1.0 ? "" : $" --kill-chance {KillChance}")}");
            }
        }

        result.Add(outcome, kills, wall.Elapsed);
        Trace?.WriteLine($"  cluster scenario seed {seed} ({plan}): {wall.Elapsed.TotalSeconds:F1} s");
    }
}
