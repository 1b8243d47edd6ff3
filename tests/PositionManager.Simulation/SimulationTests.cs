using System.Diagnostics;
using PositionManager.Persistence;
using PositionManager.Simulation.Running;
using PositionManager.Simulation.World;
using PositionManager.TestSupport;
using Xunit;
using Xunit.Abstractions;

namespace PositionManager.Simulation;

/// <summary>
/// The CI share of issue 17: a bounded number of seeded scenarios must break no invariant, within
/// a stated wall time. A failure prints its scenario seed and a shortened trace.
/// </summary>
[Collection(SimulationCollection.Name)]
public sealed class SimulationTests(ITestOutputHelper output)
{
    /// <summary>Fixed, so CI runs the same scenarios every time; ./sim.sh explores other seeds.</summary>
    private const int CiSeed = 17;

    [Fact]
    public Task Seeded_scenarios_of_the_whole_system_break_no_invariant() =>
        RunShareAsync(TestJournals.NewSqlite(), CiShare.Scenarios);

    /// <summary>The production journal: the same runner and checks, with each world's database on the server ./test.sh started.</summary>
    [Fact]
    public Task Seeded_scenarios_journaled_in_PostgreSQL_break_no_invariant() =>
        RunShareAsync(TestJournals.NewPostgres(), CiShare.PostgresScenarios);

    private async Task RunShareAsync(JournalTarget journal, int scenarios)
    {
        var writer = new OutputWriter(output);
        var clock = Stopwatch.StartNew();
        await using var world = await SimWorld.StartAsync(journal);
        var outcomes = await new SimulationRun(world, writer) { RestartChance = CiShare.RestartChance, MaxContracts = CiShare.MaxContracts }.RunAsync(CiSeed, scenarios);

        output.WriteLine($"simulation: {outcomes.Count} scenarios on {journal.Backend}, {outcomes.Sum(o => o.Violations.Count)} violations, {clock.Elapsed.TotalSeconds:F0} s, {world.Restarts} node restarts");
        Assert.Equal(scenarios, outcomes.Count);
        Assert.Empty(outcomes.Where(o => o.Failed).Select(o => $"scenario seed {o.Scenario.Seed}: {o.Violations[0]}"));
        Assert.True(clock.Elapsed < CiShare.WallTimeBound, $"{scenarios} scenarios took {clock.Elapsed}, more than {CiShare.WallTimeBound}");
    }
}
