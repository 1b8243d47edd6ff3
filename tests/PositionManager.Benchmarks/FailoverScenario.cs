using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Sharding;
using PositionManager.TestSupport;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>
/// Issue 10's failover figure: two members share the positions; the second, a process of its own,
/// is killed with SIGKILL, and the clock runs until every position it hosted answers again from
/// the survivor (failure detection, the split brain resolver's decision, shard hand-over, each
/// position's recovery from the journal).
/// </summary>
public static class FailoverScenario
{
    // An ask sent to the dead member's region before the survivor has taken its shards over is
    // lost, not buffered; it is asked again after this long, so the figure is late by at most this.
    private static readonly TimeSpan AskTimeout = TimeSpan.FromMilliseconds(500);

    public static async Task RunAsync(string admin, int positions)
    {
        Report.Line($"Failover: {positions:N0} positions on 2 members (Postgres journal), kill -9 of one");
        var journal = await BenchDatabases.NewPostgresAsync(admin);
        var ports = FreePorts.Take(2).Order().ToArray();

        // keep-majority with two members keeps the side of the lowest address: the survivor's.
        var survivorAddress = $"akka.tcp://position-manager@127.0.0.1:{ports[0]}";
        await using var survivor = await BenchNode.StartAsync(journal, PositionSettings.Default, ports[0], [survivorAddress]);
        var membersUp = MembersUpAsync(survivor.System, 2);
        using var victim = await SiblingProcesses.StartAsync(
            SiblingProcesses.Dll("tests", "PositionManager.CrashTarget"),
            ["--member", journal.ConnectionString, ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture), survivorAddress],
            "READY",
            TimeSpan.FromSeconds(60));
        await membersUp.WaitAsync(TimeSpan.FromSeconds(60));

        var symbols = Positions.Symbols(positions);
        await Positions.OpenAllAsync(survivor.Region, symbols);
        var stats = await survivor.Region.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(10)), TimeSpan.FromSeconds(15));
        var victimShards = stats.Regions.Single(r => r.Key.Port == ports[1]).Value.Stats.Keys.ToHashSet();
        var extractor = new PositionMessageExtractor(100);
        var hosted = symbols.Where(s => victimShards.Contains(extractor.ShardId(s))).ToList();
        Report.Line($"  the killed member hosted {hosted.Count:N0} of them ({victimShards.Count} shards)");

        var clock = new Stopwatch();
        var timeline = new ConcurrentQueue<(TimeSpan At, string What)>();
        survivor.System.ActorOf(Props.Create(() => new ClusterTimeline(clock, timeline)));
        clock.Start();
        victim.Kill(entireProcessTree: true);
        await victim.WaitForExitAsync();
        var answeredAt = await Task.WhenAll(hosted.Select(s => FirstAnswerAsync(survivor.Region, s, clock)));
        var elapsed = answeredAt.Max();

        foreach (var (at, what) in timeline.Where(e => e.At > TimeSpan.Zero))
        {
            Report.Line($"  {at.TotalSeconds,6:F2} s  survivor saw {what}");
        }

        Array.Sort(answeredAt);
        Report.Line($"  {answeredAt[0].TotalSeconds,6:F2} s  first of its positions answered, {answeredAt[answeredAt.Length / 2].TotalSeconds:F2} s half of them");
        var verdict = positions >= 10_000 ? $" (target < 15 s for 10,000) {(elapsed.TotalSeconds < 15 ? "MET" : "NOT MET")}" : string.Empty;
        Report.Line($"  kill -9 to all {hosted.Count:N0} of its positions answering on the survivor: {elapsed.TotalSeconds:F2} s{verdict}");
    }

    private static async Task<TimeSpan> FirstAnswerAsync(IActorRef region, string symbol, Stopwatch clock)
    {
        while (true)
        {
            try
            {
                await region.Ask<PositionView>(new GetState(symbol), AskTimeout);
                return clock.Elapsed;
            }
            catch (AskTimeoutException)
            {
                // Lost to the dead member or still waiting behind recoveries: ask again.
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> members are Up, as the cluster's own events say.</summary>
    private static Task MembersUpAsync(ActorSystem system, int count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new MembersUpWatcher(count, done)));
        return done.Task;
    }
}
