using Akka.Actor;
using PositionManager.Actors.Configuration;
using PositionManager.Actors.Positions;

namespace PositionManager.Benchmarks;

/// <summary>
/// Ticks/s through the shard region to 10,000 open positions (ticks that do not raise the peak,
/// as most ticks are) vs plain Tell to 10,000 local actors, alternated in one process; also
/// checks that those ticks wrote nothing, and measures memory per idle position.
/// </summary>
public static class TickRoutingScenario
{
    private const int WarmUpPositions = 1_000;

    public static async Task RunAsync(JournalTarget journal, Func<Task<long>> journalRows, int positions = 10_000, int ticks = 1_000_000)
    {
        Report.Line($"Tick routing: {positions:N0} positions, {ticks:N0} ticks per round ({journal})");
        await using var node = await BenchNode.StartAsync(journal, PositionSettings.Default);
        var all = Positions.Symbols(positions + WarmUpPositions);
        var symbols = all[WarmUpPositions..];

        // Pools, caches and the journal's buffers grow with the first positions; measuring after
        // a warm-up attributes to each position only what it keeps.
        await Positions.OpenAllAsync(node.Region, all[..WarmUpPositions]);
        var before = CollectedHeap();
        await Positions.OpenAllAsync(node.Region, symbols);
        await Positions.DrainAsync(node.Region, symbols);
        var perPosition = (CollectedHeap() - before) / (double)positions;

        var plain = symbols.Select((_, i) => node.System.ActorOf(Props.Create<PlainActor>(), $"plain-{i}")).ToArray();
        var quiet = symbols.Select(s => Positions.Tick(s, 4.90m)).ToArray();
        var plainMessage = new PlainActor.Price(4.90);

        var rowsBefore = await journalRows();
        double bestRegion = 0, bestPlain = 0;
        for (var round = 0; round < 3; round++)
        {
            bestPlain = Math.Max(bestPlain, ticks / (await Report.TimeAsync(async () =>
            {
                for (var i = 0; i < ticks; i++)
                {
                    plain[i % plain.Length].Tell(plainMessage);
                }

                await Task.WhenAll(plain.Select(a => a.Ask<double>(PlainActor.Ping.Instance, TimeSpan.FromSeconds(120))));
            })).TotalSeconds);

            bestRegion = Math.Max(bestRegion, ticks / (await Report.TimeAsync(async () =>
            {
                for (var i = 0; i < ticks; i++)
                {
                    node.Region.Tell(quiet[i % quiet.Length]);
                }

                await Positions.DrainAsync(node.Region, symbols);
            })).TotalSeconds);
        }

        var written = await journalRows() - rowsBefore;
        Report.Ratio("ticks through the region", bestRegion, bestPlain, "ticks/s", 0.60);
        Report.Line($"  journal rows written by {3 * ticks:N0} ticks that raised no peak: {written} (target 0) {(written == 0 ? "MET" : "NOT MET")}");
        Report.Line($"  memory per idle position: {perPosition / 1024:F2} KiB (target < 4 KiB) {(perPosition < 4096 ? "MET" : "NOT MET")}");
    }

    private static long CollectedHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
