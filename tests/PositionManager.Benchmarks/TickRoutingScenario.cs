using Akka.Actor;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>
/// Ticks/s through the shard region to 10,000 open positions (ticks that do not raise the peak,
/// as most ticks are) vs plain Tell to 10,000 local actors, alternated in one process; also
/// checks that those ticks wrote nothing, and measures memory per idle position.
/// </summary>
public static class TickRoutingScenario
{
    private const int WarmUpPositions = 1_000;
    private const int Rounds = 7;
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Set: skips the memory figure and its two 32 s waits, for repeated throughput runs.</summary>
    public const string SkipMemoryVariable = "PM_BENCH_SKIP_MEMORY";

    public static async Task RunAsync(JournalTarget journal, Func<Task<long>> journalRows, int positions = 10_000, int ticks = 1_000_000)
    {
        Report.Line($"Tick routing: {positions:N0} positions, {ticks:N0} ticks per round ({journal})");
        await using var node = await BenchNode.StartAsync(journal, PositionSettings.Default);
        var all = Positions.Symbols(positions + WarmUpPositions);
        var symbols = all[WarmUpPositions..];

        // Pools, caches and the journal's buffers grow with the first positions; measuring after
        // a warm-up attributes to each position only what it keeps.
        await Positions.OpenAllAsync(node.Region, all[..WarmUpPositions]);
        await Positions.DrainFromOneSenderAsync(node.System, node.Region, all[..WarmUpPositions]);
        var before = await SettledHeapAsync(DateTime.UtcNow);
        await Positions.OpenAllAsync(node.Region, symbols);
        await Positions.DrainFromOneSenderAsync(node.System, node.Region, symbols);

        // Idle: open, nothing in flight, no quote yet. Measured before the rounds: after a burst
        // of 100 ticks each, every entity's mailbox keeps the larger queue segment the burst grew,
        // which live quote rates (a few per second per contract) never grow.
        var perPosition = (await SettledHeapAsync(DateTime.UtcNow) - before) / (double)positions;
        await HeapDump.TakeIfAskedAsync();

        var rowsBefore = await journalRows();
        var rounds = await RoundsAsync(node, symbols, ticks);
        var written = await journalRows() - rowsBefore;
        Report.Line($"  baseline: {PlainActor.Description}");

        // Each round times the baseline and then the region back to back; the ratio of a round
        // is the fair comparison on a shared machine, and the median of the rounds' ratios the
        // figure (the ratio of the best of each would pair moments of different load).
        var ratios = rounds.Select(r => r.Region / r.Plain).Order().ToArray();
        Report.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  rounds (region / baseline ticks/s): {string.Join(", ", rounds.Select(r => $"{r.Region:N0} / {r.Plain:N0}"))}"));
        Report.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  ticks through the region vs baseline, median of {Rounds} rounds: {ratios[Rounds / 2]:P0} (rounds {ratios[0]:P0}-{ratios[^1]:P0}) (target >= 60 %) {(ratios[Rounds / 2] >= 0.60 ? "MET" : "NOT MET")}"));
        Report.Line($"  journal rows written by {Rounds * ticks:N0} ticks that raised no peak: {written} (target 0) {(written == 0 ? "MET" : "NOT MET")}");
        Report.Line($"  memory per idle position: {perPosition / 1024:F2} KiB (target < 4 KiB) {(perPosition < 4096 ? "MET" : "NOT MET")}");
    }

    /// <summary>Alternates baseline and region rounds; returns each round's ticks/s, the baseline actors stopped again.</summary>
    private static async Task<List<(double Region, double Plain)>> RoundsAsync(BenchNode node, string[] symbols, int ticks)
    {
        // The baseline actors start from the entities' own recovered state, so both sides decide
        // on identical positions.
        var states = await Positions.StatesAsync(node.Region, symbols);
        var maxQuoteAge = PositionSettings.Default.MaxQuoteAge;
        var plain = states.Select((view, i) => node.System.ActorOf(Props.Create<PlainActor>(view.State, maxQuoteAge), $"plain-{i}")).ToArray();

        // Round 0 warms both paths up (tiered JIT) and is not counted.
        var rounds = new List<(double Region, double Plain)>(Rounds);
        for (var round = 0; round <= Rounds; round++)
        {
            // Fresh quotes each round: a quote older than MaxQuoteAge is refused with a formatted
            // reason, which would measure the stale-quote path instead of the common one.
            var plainTicks = symbols.Select(s => Positions.Tick(s, 4.90m)).ToArray();
            var plainRate = ticks / (await Report.TimeAsync(async () =>
            {
                for (var i = 0; i < ticks; i++)
                {
                    plain[i % plain.Length].Tell(plainTicks[i % plainTicks.Length]);
                }

                await Task.WhenAll(plain.Select(a => a.Ask<PositionView>(PlainActor.Ping.Instance, TimeSpan.FromSeconds(120))));
            })).TotalSeconds;

            var quiet = symbols.Select(s => Positions.Tick(s, 4.90m)).ToArray();
            var regionRate = ticks / (await Report.TimeAsync(async () =>
            {
                for (var i = 0; i < ticks; i++)
                {
                    node.Region.Tell(quiet[i % quiet.Length]);
                }

                await Positions.DrainAsync(node.Region, symbols);
            })).TotalSeconds;
            if (round > 0)
            {
                rounds.Add((regionRate, plainRate));
            }
        }

        await Task.WhenAll(plain.Select(a => a.GracefulStop(TimeSpan.FromSeconds(60))));
        return rounds;
    }

    /// <summary>
    /// The heap once what recent recoveries left behind is gone: every recovery arms Akka.Persistence's
    /// recovery-event-timeout (30 s), and the scheduler keeps the cancelled registration (about
    /// 200 bytes) until that deadline, so it is no cost of an idle position.
    /// </summary>
    private static async Task<long> SettledHeapAsync(DateTime lastRecovery)
    {
        if (Environment.GetEnvironmentVariable(SkipMemoryVariable) is { Length: > 0 })
        {
            return 0;
        }

        var settled = lastRecovery + RecoveryTimeout + TimeSpan.FromSeconds(2) - DateTime.UtcNow;
        if (settled > TimeSpan.Zero)
        {
            await Task.Delay(settled);
        }

        return CollectedHeap();
    }

    private static long CollectedHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
