using Akka.Actor;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Positions;

namespace PositionManager.Benchmarks;

/// <summary>
/// Time to bring back 10,000 positions after a full restart: each has a snapshot and events after
/// it; remember-entities starts them all, and the clock stops when every one has answered.
/// </summary>
public static class RecoveryScenario
{
    public static async Task RunAsync(JournalTarget journal, int positions = 10_000, int peaksEach = 14)
    {
        Report.Line($"Recovery: {positions:N0} positions, 1 open + {peaksEach} peak events each, snapshot every 10 ({journal})");
        var settings = PositionSettings.Default with { SnapshotEvery = 10 };
        var symbols = Positions.Symbols(positions);
        await using (var first = await BenchNode.StartAsync(journal, settings))
        {
            await Positions.OpenAllAsync(first.Region, symbols);
            for (var round = 1; round <= peaksEach; round++)
            {
                foreach (var symbol in symbols)
                {
                    first.Region.Tell(Positions.Tick(symbol, Positions.Entry + round * 0.01m));
                }
            }

            await Positions.DrainAsync(first.Region, symbols);
        }

        var elapsed = await Report.TimeAsync(async () =>
        {
            await using var second = await BenchNode.StartAsync(journal, settings);
            await Positions.DrainAsync(second.Region, symbols);
        });
        Report.Line($"  {positions:N0} positions recovered and answering in {elapsed.TotalSeconds:F2} s (target < 5 s) {(elapsed.TotalSeconds < 5 ? "MET" : "NOT MET")}");
    }
}
