using System.Diagnostics;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Alpaca;
using PositionManager.Alpaca.Http;
using PositionManager.Alpaca.MarketData;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using PositionManager.TestSupport;

namespace PositionManager.Benchmarks;

/// <summary>
/// Issue 6's figure: the CPU the price feed costs with 1,000 open positions polled once a second.
/// The PaperBroker runs as a process of its own so that serving the quotes is not counted; the
/// node's CPU is measured first with the positions open and the feed watching nothing, then with
/// the feed polling all of them and forwarding every changed quote to its position.
/// </summary>
public static class FeedScenario
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(JournalTarget journal, int positions = 1_000)
    {
        Report.Line($"Price feed: {positions:N0} open positions polled once a second (PaperBroker in its own process, random-walk quotes)");
        var port = FreePorts.Take(1)[0];
        using var broker = await SiblingProcesses.StartAsync(
            SiblingProcesses.Dll("src", "PositionManager.PaperBroker"),
            ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information"],
            "Now listening on:",
            TimeSpan.FromSeconds(30));
        try
        {
            await MeasureAsync(journal, positions, port);
        }
        finally
        {
            broker.Kill(entireProcessTree: true);
        }
    }

    private static async Task MeasureAsync(JournalTarget journal, int positions, int port)
    {
        var url = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient();

        var settings = new AlpacaSettings("PKBENCH", "bench-secret", url, url, new Uri($"ws://127.0.0.1:{port}/stream"));
        var marketData = new AlpacaMarketData(http, settings, TimeProvider.System, budget: new RequestBudget(TimeProvider.System, limit: int.MaxValue));
        var feed = new PriceFeedSetup(marketData, new PriceFeedSettings(TimeSpan.FromSeconds(1), PositionSettings.Default.MaxQuoteAge));
        await using var node = await BenchNode.StartAsync(journal, PositionSettings.Default, prices: feed);
        var symbols = Positions.Symbols(positions);
        await Positions.OpenAllAsync(node.Region, symbols);

        // Opening 1,000 positions leaves journal writes, snapshots and JIT behind: let them settle.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idle = await CpuShareAsync();
        var proxy = await node.System.ActorSelection("/user/price-feed-proxy").ResolveOne(TimeSpan.FromSeconds(10));
        proxy.Tell(new PriceFeedProtocol.Watch([.. symbols.Select(s => new WatchedPosition(s, s, PriceSource.Mid))]));

        // The first polls start every position's quote history; the window measures the steady state.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var polling = await CpuShareAsync();
        Report.Line($"  node CPU, positions open and the feed idle: {idle:P1} of one core; the feed polling and forwarding: {polling:P1} (difference {polling - idle:P1})");

        // The whole node while polling bounds the feed's share from above (it includes the positions' tick handling).
        Report.Line($"  the feed, at most: {polling:P1} of one core (target < 10 %) {(polling < 0.10 ? "MET" : "NOT MET")}");
    }

    private static async Task<double> CpuShareAsync()
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(Window);
        self.Refresh();
        return (self.TotalProcessorTime - cpuBefore).TotalSeconds / clock.Elapsed.TotalSeconds;
    }
}
