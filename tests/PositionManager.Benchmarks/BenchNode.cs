using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;

namespace PositionManager.Benchmarks;

/// <summary>A one-node cluster with the node's own setup and a gateway that drops close intents.</summary>
public sealed class BenchNode : IAsyncDisposable
{
    /// <summary>HOCON appended to the node's configuration: tries a setting without a rebuild.</summary>
    public const string TuningVariable = "PM_BENCH_HOCON";

    private readonly IHost _host;

    private BenchNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Region = host.Services.GetRequiredService<IRequiredActor<PositionRegion>>().ActorRef;
    }

    public ActorSystem System { get; }

    public IActorRef Region { get; }

    /// <param name="port">Remoting port (0: any); <paramref name="seeds"/> given, the node joins them instead of itself.</param>
    /// <param name="prices">The price feed singleton and its market data; none by default.</param>
    public static async Task<BenchNode> StartAsync(JournalTarget journal, PositionSettings settings, int port = 0, IReadOnlyList<string>? seeds = null, PriceFeedSetup? prices = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            journal,
            system => system.DeadLetters,
            settings,
            TimeProvider.System,
            NumberOfShards: 100,
            Port: port,
            SeedNodes: seeds,
            Prices: prices,
            ExtraHocon: "akka.loglevel = WARNING\nakka.log-dead-letters = off\n" + Environment.GetEnvironmentVariable(TuningVariable))));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchNode(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
