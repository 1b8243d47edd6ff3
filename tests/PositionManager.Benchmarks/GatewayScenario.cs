using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Hosting;
using PositionManager.Persistence;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Benchmarks;

/// <summary>
/// The whole exit path with 10,000 open positions: tick through the region, the position's
/// journaled exit, the gateway's journaled outbox, OrderRules on a fresh broker read, and the
/// order's HTTP submit to the in-process PaperBroker (no injected latency, no rate limit).
/// </summary>
public static class GatewayScenario
{
    private const int WarmUpRound = 250;
    private const int MaxWarmUpExits = 6_000;

    /// <summary>Fewer methods than this JIT-compiled over a round of warm-up exits: the path has been tiered up.</summary>
    private const int SettledJitMethods = 50;

    /// <param name="latencySamples">
    /// Exits timed one at a time. 1,000 by default: the 99th percentile of 300 was their third
    /// slowest, so two or three garbage collections alone decided it; of 1,000 it is the tenth.
    /// </param>
    public static async Task RunAsync(JournalTarget journal, int positions = 10_000, int latencySamples = 1_000, int burst = 1_000)
    {
        Console.WriteLine($"Gateway: {positions:N0} open positions, in-process PaperBroker over loopback HTTP, no latency, trade stream on (Postgres journal)");
        await using var broker = await PaperBrokerHost.StartAsync(new PaperBrokerOptions { SeedDemoAccount = false, RateLimitPerMinute = int.MaxValue });
        var symbols = Positions.Symbols(positions);
        foreach (var symbol in symbols)
        {
            broker.Account.SeedPosition(symbol, 10, Positions.Entry);
            broker.Market.SetQuote(symbol, 3.90m, 4.10m);
        }

        using var http = new HttpClient();
        var settings = new AlpacaSettings("PKBENCH", "bench-secret", broker.BaseUrl, broker.BaseUrl, broker.StreamUrl);
        var client = new AlpacaBrokerClient(http, settings, TimeProvider.System, budget: new RequestBudget(TimeProvider.System, limit: int.MaxValue));
        // With the trade stream listening, as in normal operation: open orders are then not polled.
        var stream = new AlpacaTradeUpdateStream(settings, TimeProvider.System);
        var host = await StartNodeAsync(journal, client, stream);
        try
        {
            var region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
            await Positions.OpenAllAsync(region, symbols);

            var warming = await WarmUpAsync(broker, region, symbols);
            var latency = new LongHistogram(TimeStamp.Seconds(10), 3);
            var stages = new ExitPathStages();
            Console.WriteLine($"  warmed up after {warming.Exits} exits; sampling {latencySamples} in process {Environment.ProcessId}");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var jitBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var pausedBefore = GC.GetTotalPauseDuration();
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            for (var i = 0; i < latencySamples; i++)
            {
                var symbol = symbols[i];
                var order = await ExitAsync(broker, region, symbol, latency);
                stages.Record(order.ClientOrderId, order.TickSent, order.CreatedAt);
            }

            var cpuPerExit = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / latencySamples;
            Console.WriteLine($"  garbage collections over the samples: gen0 {GC.CollectionCount(0) - collectionsBefore[0]}, gen1 {GC.CollectionCount(1) - collectionsBefore[1]}, gen2 {GC.CollectionCount(2) - collectionsBefore[2]}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:F1} ms in all; {(GC.GetTotalAllocatedBytes() - allocatedBefore) / latencySamples / 1024} KiB allocated per exit");
            Console.WriteLine($"  tick -> order at the broker, one exit at a time, while the JIT still tiers the path up (the first {warming.Exits} exits after start): p50 {Ms(warming.Latency, 50)} ms, p99 {Ms(warming.Latency, 99)} ms");
            Console.WriteLine($"  tick -> order at the broker, one exit at a time, steady state ({latencySamples} samples; {System.Runtime.JitInfo.GetCompiledMethodCount() - jitBefore} methods JIT-compiled meanwhile; process CPU {cpuPerExit:F2} ms per exit): p50 {Ms(latency, 50)} ms, p99 {Ms(latency, 99)} ms, max {latency.GetMaxValue() / 10_000.0:F2} ms (target p99 < 5 ms) {(latency.GetValueAtPercentile(99) < TimeSpan.FromMilliseconds(5).Ticks ? "MET" : "NOT MET")}");
            await stages.PrintAsync(host.Services.GetRequiredService<ActorSystem>(), journal.ConnectionString);
            await ExitPathStages.PrintFloorsAsync(host.Services.GetRequiredService<ActorSystem>(), broker.BaseUrl, symbols.Skip(latencySamples + burst).Take(latencySamples).ToList(), journal.ConnectionString);

            var toBurst = symbols.Skip(latencySamples).Take(burst).ToList();
            var burstStart = DateTimeOffset.UtcNow;
            foreach (var symbol in toBurst)
            {
                region.Tell(Positions.Tick(symbol, 4.00m));
            }

            var lastOrderAt = burstStart;
            foreach (var symbol in toBurst)
            {
                var order = await OrderAtBrokerAsync(broker, region, symbol);
                lastOrderAt = order.CreatedAt > lastOrderAt ? order.CreatedAt : lastOrderAt;
            }

            var perSecond = toBurst.Count / (lastOrderAt - burstStart).TotalSeconds;
            Console.WriteLine($"  orders/s the gateway sustains, {toBurst.Count:N0} exits at once: {perSecond:N0} orders/s (serialized; the queue behind the first shares one position read)");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>
    /// Exits from the end of the list, in rounds, until a round no longer makes the JIT compile (the
    /// runtime tiers a method up only after it has been called often, and re-compiles it with the
    /// profile it gathered: on this path that goes on for thousands of exits). Their latency is the
    /// figure of a node that has just started.
    /// </summary>
    private static async Task<(int Exits, LongHistogram Latency)> WarmUpAsync(PaperBrokerHost broker, IActorRef region, string[] symbols)
    {
        var latency = new LongHistogram(TimeStamp.Seconds(10), 3);
        var exits = 0;
        while (exits < MaxWarmUpExits)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            foreach (var symbol in symbols[^(exits + WarmUpRound)..^exits])
            {
                await ExitAsync(broker, region, symbol, latency);
            }

            exits += WarmUpRound;
            if (System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore < SettledJitMethods)
            {
                break;
            }
        }

        return (exits, latency);
    }

    private static async Task<(string ClientOrderId, DateTimeOffset TickSent, DateTimeOffset CreatedAt)> ExitAsync(PaperBrokerHost broker, IActorRef region, string symbol, LongHistogram latency)
    {
        var tickSent = DateTimeOffset.UtcNow;
        region.Tell(Positions.Tick(symbol, 4.00m));
        var order = await OrderAtBrokerAsync(broker, region, symbol);
        latency.RecordValue(Math.Max(1, (order.CreatedAt - tickSent).Ticks));
        return (order.ClientOrderId, tickSent, order.CreatedAt);
    }

    /// <summary>
    /// PM_BENCH_PLUGIN_JOURNAL=1 runs the node on Akka.Persistence.Sql's own journal and snapshot
    /// store (no direct reads or writes), for a side-by-side comparison in one session.
    /// </summary>
    private static string PluginJournalUnlessOurs() =>
        Environment.GetEnvironmentVariable("PM_BENCH_PLUGIN_JOURNAL") == "1"
            ? """
              akka.persistence.journal.sql.class = "Akka.Persistence.Sql.Journal.SqlWriteJournal, Akka.Persistence.Sql"
              akka.persistence.snapshot-store.sql.class = "Akka.Persistence.Sql.Snapshot.SqlSnapshotStore, Akka.Persistence.Sql"
              """
            : string.Empty;

    private static string Ms(LongHistogram histogram, double percentile) =>
        (histogram.GetValueAtPercentile(percentile) / 10_000.0).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Finds the exit's order at the broker by the client_order_id its position journaled.</summary>
    private static async Task<PositionManager.PaperBroker.Accounts.PaperOrder> OrderAtBrokerAsync(PaperBrokerHost broker, IActorRef region, string symbol)
    {
        var view = await region.Ask<PositionView>(new GetState(symbol), TimeSpan.FromSeconds(60));
        // The first exit's id, whether the position still waits for it or has already closed.
        var clientOrderId = ClientOrderId.For(symbol, symbol, view.State.OpenedAt!.Value, exitSequence: 1);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (broker.Account.FindByClientOrderId(clientOrderId) is { } order)
            {
                return order;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"no order {clientOrderId} at the broker after a minute");
            }

            // Not a spin: the broker's account lock is what the gateway's submits need too. The
            // figure is taken from the order's own creation time, so this interval is not in it.
            await Task.Delay(1);
        }
    }

    /// <summary>A node of 100 shards whose gateway talks to <paramref name="client"/>; the crash scenario starts the same.</summary>
    internal static async Task<IHost> StartNodeAsync(JournalTarget journal, IBrokerClient client, ITradeUpdateSource stream)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            Gateway: null,
            PositionSettings.Default,
            TimeProvider.System,
            NumberOfShards: 100,
            ExtraHocon: "akka.loglevel = WARNING\nakka.log-dead-letters = off\n" + PluginJournalUnlessOurs(),
            Broker: new BrokerGatewaySetup(client, stream, GatewaySettings.Default))));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
