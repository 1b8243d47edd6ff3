using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Persistence;
using static PositionManager.Actors.Positions.PositionProtocol;

// usage: PositionManager.CrashTarget <sqlite-file> <symbol>... ; prints READY once every position
// is open, then streams a random walk of ticks to them until the process is killed.
//    or: PositionManager.CrashTarget --member <postgres> <port> <seed> ; joins the seed's cluster as
// one more member hosting positions, prints READY once Up, and runs until it is killed.
if (args.FirstOrDefault() == "--member")
{
    await ClusterMember.RunAsync(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
    return;
}

var journal = SqliteJournalFile.Prepare(args[0]);
var symbols = args.Skip(1).ToArray();
var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
    journal,
    system => system.DeadLetters,
    PositionSettings.Default with { SnapshotEvery = 25 },
    TimeProvider.System,
    NumberOfShards: 10,
    ExtraHocon: "akka.loglevel = WARNING\nakka.log-dead-letters = off")));
using var host = builder.Build();
await host.StartAsync();
var region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;

var policy = new ExitPolicy(Trailing: TrailingStopRule.Percent(20).ArmedAtGain(5));
foreach (var symbol in symbols)
{
    await region.Ask<CommandAccepted>(new Open(symbol, symbol, PositionSide.Long, 10, 5.00m, policy, OpenOrigin.Adopted), TimeSpan.FromSeconds(60));
}

Console.WriteLine("READY");
var random = new Random();
var prices = symbols.ToDictionary(s => s, _ => 5.00);
while (true)
{
    foreach (var symbol in symbols)
    {
        // Drifts upwards so peaks keep rising; the 20% trail keeps most positions open.
        prices[symbol] = Math.Max(0.5, prices[symbol] + (random.Next(-9, 12) / 100.0));
        region.Tell(new PriceTick(symbol, new MarketQuote(symbol, prices[symbol], prices[symbol] + 0.02, null, DateTimeOffset.UtcNow)));
    }

    await region.Ask<PositionView>(new GetState(symbols[0]), TimeSpan.FromSeconds(30));
}
