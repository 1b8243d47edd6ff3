using PositionManager.Actors.Positions;
using PositionManager.Simulation.Running;
using PositionManager.Simulation.World;
using Xunit;
using Xunit.Abstractions;

namespace PositionManager.Simulation;

/// <summary>
/// The simulation can fail (issue 17, item 5): each planted bug, put in through a test-only seam,
/// is caught as a violation of the invariant it breaks within the stated number of seeds.
/// </summary>
[Collection(SimulationCollection.Name)]
public sealed class PlantedBugTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(PlantedBug.DropsTheIntent, 1, 3)]
    [InlineData(PlantedBug.ResubmitsUnderANewId, 3, 3)]
    [InlineData(PlantedBug.SellsOneMore, 4, 3)]
    [InlineData(PlantedBug.ReconcilerSellsStock, 1, 2)]
    [InlineData(PlantedBug.SellsAgainWithoutIntent, 2, 3)]
    [InlineData(PlantedBug.FreezesPrices, 5, 3)]
    public async Task A_bug_on_the_path_to_the_broker_is_caught_within_a_few_seeds(PlantedBug bug, int invariant, int seeds)
    {
        await using var world = await SimWorld.StartAsync();
        world.Bug = bug;

        var caughtAt = await FirstCatchAsync(world, invariant, seeds, restartChance: 0);

        Assert.True(caughtAt is not null, $"{bug} broke no invariant ({invariant}) in {seeds} seeds");
    }

    [Fact]
    public async Task A_position_that_forgets_its_peak_on_recovery_is_caught_within_ten_seeds()
    {
        await using var world = await SimWorld.StartAsync();
        PositionActor.ForgetsPeaksOnRecovery = true;
        try
        {
            var caughtAt = await FirstCatchAsync(world, invariant: 7, seeds: 10, restartChance: 1);

            Assert.True(caughtAt is not null, "a position forgetting its peak on recovery broke no invariant (7) in 10 seeds");
        }
        finally
        {
            PositionActor.ForgetsPeaksOnRecovery = false;
        }
    }

    [Fact]
    public async Task A_trail_that_follows_the_price_down_is_caught_within_three_seeds()
    {
        await using var world = await SimWorld.StartAsync();
        PositionActor.TrailsDown = true;
        try
        {
            var caughtAt = await FirstCatchAsync(world, invariant: 6, seeds: 3, restartChance: 0);

            Assert.True(caughtAt is not null, "a trail that follows the price down broke no invariant (6) in 3 seeds");
        }
        finally
        {
            PositionActor.TrailsDown = false;
        }
    }

    private async Task<int?> FirstCatchAsync(SimWorld world, int invariant, int seeds, double restartChance)
    {
        var run = new SimulationRun(world, new OutputWriter(output)) { ShorteningBudget = 0, RestartChance = restartChance };
        for (var index = 0; index < seeds; index++)
        {
            var outcome = (await run.RunAsync(runSeed: 1, scenarios: 1, firstIndex: index)).Single();
            if (outcome.Violations.Any(v => v.Invariant == invariant))
            {
                output.WriteLine($"caught at seed {index + 1} of {seeds}: {outcome.Violations.First(v => v.Invariant == invariant)}");
                return index;
            }
        }

        return null;
    }
}
