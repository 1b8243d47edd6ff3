using System.Diagnostics;
using Akka.Actor;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;

namespace PositionManager.Benchmarks;

/// <summary>
/// Time to bring back 10,000 positions after a full restart: each has a snapshot and events after
/// it; remember-entities starts them all, and the clock stops when every one has answered.
/// </summary>
public static class RecoveryScenario
{
    private const int SetupBlock = 1_000;

    /// <summary>Peak-raising ticks each position's history holds (snapshots every 10 events leave 5 to replay).</summary>
    private const int PeaksEach = 14;

    /// <summary>A PostgreSQL database this scenario filled before: re-measures recovery without writing the history again.</summary>
    public const string ReuseVariable = "PM_BENCH_RECOVERY_JOURNAL";

    public static async Task RunAsync(string admin, int positions = 10_000)
    {
        var settings = PositionSettings.Default with { SnapshotEvery = 10 };
        var symbols = Positions.Symbols(positions);
        var reuse = Environment.GetEnvironmentVariable(ReuseVariable);
        if (!string.IsNullOrWhiteSpace(reuse))
        {
            await RecoverAsync(JournalTarget.Postgres(reuse), settings, symbols, "fresh process");
            return;
        }

        Report.Line($"Recovery: {positions:N0} positions, 1 open + {PeaksEach} peak events each, snapshot every 10 (Postgres journal)");
        var journal = await BenchDatabases.NewPostgresAsync(admin);
        await WriteHistoryAsync(journal, settings, symbols);
        Report.Line($"  history written to {new Npgsql.NpgsqlConnectionStringBuilder(journal.ConnectionString).Database}; {ReuseVariable} re-measures it");

        // What a crash leaves: a fresh process, its code not yet compiled beyond what was compiled
        // ahead of time. The same restart inside this warm process is reported beside it.
        await RecoverInFreshProcessAsync(journal.ConnectionString);
        await RecoverAsync(journal, settings, symbols, "this warm process");
    }

    private static async Task RecoverAsync(JournalTarget journal, PositionSettings settings, string[] symbols, string where)
    {
        // From the node's start (cluster join, shard region) to every position answering; the
        // node's start is reported on its own so the positions' share is visible, and the time
        // since the process started (the runtime's own start included) after it.
        var clock = Stopwatch.StartNew();
        await using var node = await BenchNode.StartAsync(journal, settings);
        var started = clock.Elapsed;
        var views = await Positions.StatesAsync(node.Region, symbols);
        var elapsed = clock.Elapsed;

        // A fast recovery is worth nothing if it is wrong: every position open at the peak its history raised it to.
        var expectedPeak = Positions.Entry + (PeaksEach * 0.01m);
        if (views.FirstOrDefault(v => !v.State.IsOpen || v.State.Peak != expectedPeak) is { } wrong)
        {
            throw new InvalidOperationException($"{wrong.State.PositionId} recovered {wrong.State.Status} at peak {wrong.State.Peak}, expected open at {expectedPeak}");
        }

        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Report.Line($"  {where}: {symbols.Length:N0} positions recovered and answering in {elapsed.TotalSeconds:F2} s (node start {started.TotalSeconds:F2} s; {sinceProcessStart.TotalSeconds:F2} s since the process started) (target < 5 s) {(elapsed.TotalSeconds < 5 ? "MET" : "NOT MET")}");
    }

    private static async Task RecoverInFreshProcessAsync(string connectionString)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(RecoveryScenario).Assembly.Location);
        start.ArgumentList.Add("recovery");
        start.Environment[ReuseVariable] = connectionString;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the recovery process did not start");
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            Report.Line(line);
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the recovery process exited with {process.ExitCode}");
        }
    }

    private static async Task WriteHistoryAsync(JournalTarget journal, PositionSettings settings, string[] symbols)
    {
        await using var first = await BenchNode.StartAsync(journal, settings);
        await Positions.OpenAllAsync(first.Region, symbols);

        // The history is written a block of positions at a time: all 10,000 at once put 10,000
        // snapshot saves in flight together (the snapshot store does not batch), which held the
        // connection pool long enough for queued journal writes to hit the journal's 10 s call
        // timeout. This is the set-up, not what is measured.
        foreach (var block in symbols.Chunk(SetupBlock))
        {
            foreach (var symbol in block)
            {
                for (var round = 1; round <= PeaksEach; round++)
                {
                    first.Region.Tell(Positions.Tick(symbol, Positions.Entry + round * 0.01m));
                }
            }

            await Positions.DrainAsync(first.Region, block);
        }
    }
}
