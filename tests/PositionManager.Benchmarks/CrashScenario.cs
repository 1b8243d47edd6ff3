using Akka.Actor;
using Akka.Hosting;
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
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Streaming;
using PositionManager.Persistence;

namespace PositionManager.Benchmarks;

/// <summary>
/// A crash day: every position's stop crossed at one instant, against a broker that enforces
/// Alpaca's per-minute trading budget and counts each request by route. The physical floor is one
/// trading request per exit (the submit), so N exits take N / limit minutes at best.
/// </summary>
public static class CrashScenario
{
    public static async Task RunAsync(JournalTarget journal, int positions, int limitPerMinute)
    {
        Console.WriteLine($"Crash: {positions:N0} positions through their stops at one instant, broker limit {limitPerMinute}/min (fixed clock-minute window, 429 past it), Postgres journal");
        await using var broker = await PaperBrokerHost.StartAsync(new PaperBrokerOptions { SeedDemoAccount = false, RateLimitPerMinute = limitPerMinute });
        var symbols = Positions.Symbols(positions);
        foreach (var symbol in symbols)
        {
            broker.Account.SeedPosition(symbol, 10, Positions.Entry);
            broker.Market.SetQuote(symbol, 3.90m, 4.10m);
        }

        using var http = new HttpClient();
        var settings = new AlpacaSettings("PKBENCHCRASHKEY00001", "bench-crash-secret-0000000000000000000000", broker.BaseUrl, broker.BaseUrl, broker.StreamUrl);
        var client = new AlpacaBrokerClient(http, settings, TimeProvider.System, budget: new RequestBudget(TimeProvider.System, limit: limitPerMinute));
        var stream = new AlpacaTradeUpdateStream(settings, TimeProvider.System);
        var host = await GatewayScenario.StartNodeAsync(journal, client, stream);
        try
        {
            var region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
            await Positions.OpenAllAsync(region, symbols);
            // Opening cost no broker request; what was counted before (the stream's auth) is not the exits'.
            broker.Requests.Clear();

            // The broker's own trade updates say when each order was created: the wait ends on the last.
            var watcher = broker.Stream.Connect();
            watcher.Listening = true;
            var drop = DateTimeOffset.UtcNow;
            foreach (var symbol in symbols)
            {
                region.Tell(Positions.Tick(symbol, 4.00m));
            }

            await AllOrdersCreated(watcher, positions, TimeSpan.FromMinutes(3.0 * positions / limitPerMinute + 2));
            broker.Stream.Disconnect(watcher);

            var orders = broker.Account.ListOrders("all", int.MaxValue);
            var lastCreated = orders.Count == 0 ? drop : orders.Max(o => o.CreatedAt);
            var tally = broker.Requests.Snapshot();
            var perExit = orders.Count == 0 ? double.NaN : (double)tally.TradingRequests / orders.Count;
            var floor = TimeSpan.FromMinutes((double)positions / limitPerMinute);
            var took = lastCreated - drop;
            var oncePerSymbol = orders.GroupBy(o => o.Symbol).All(g => g.Count() == 1) && orders.Select(o => o.ClientOrderId).Distinct().Count() == orders.Count;
            Console.WriteLine($"  orders created: {orders.Count:N0} of {positions:N0}; each exit exactly once: {(oncePerSymbol && orders.Count == positions ? "yes" : "NO")}");
            Console.WriteLine($"  trading requests: {tally.TradingRequests:N0} = {perExit:F2} per exit (target <= 1.05) {(perExit <= 1.05 ? "MET" : "NOT MET")}");
            foreach (var route in tally.Routes.Where(r => r.Api == "trading"))
            {
                Console.WriteLine($"    {route.Route}: {route.Requests:N0} ({route.RateLimited} answered 429)");
            }

            Console.WriteLine($"  drop -> last order created: {took.TotalSeconds:F1} s against the floor N/limit {floor.TotalSeconds:F1} s = {took / floor:F2} x (target <= 1.1) {(took / floor <= 1.1 ? "MET" : "NOT MET")}");
            Console.WriteLine($"  429s: {tally.TradingRateLimited} (target 0) {(tally.TradingRateLimited == 0 ? "MET" : "NOT MET")}");
        }
        finally
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    /// <summary>Waits until the broker has created <paramref name="expected"/> orders, or the deadline; the figures then say which.</summary>
    private static async Task AllOrdersCreated(StreamConnection watcher, int expected, TimeSpan deadline)
    {
        var created = new HashSet<Guid>();
        using var patience = new CancellationTokenSource(deadline);
        try
        {
            await foreach (var update in watcher.Updates.Reader.ReadAllAsync(patience.Token))
            {
                if (created.Add(update.Order.Id) && created.Count >= expected)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Past the deadline: the figures report the orders that were created by then.
        }
    }
}
