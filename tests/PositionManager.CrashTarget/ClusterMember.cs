using Akka.Cluster;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Persistence;

/// <summary>A member of another process's cluster that hosts its share of the positions: the node the failover benchmark kills.</summary>
internal static class ClusterMember
{
    public static async Task RunAsync(string postgres, int port, string seed)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAkka(PositionManagerAkka.SystemName, (akka, _) => akka.ConfigurePositionManager(new NodeSetup(
            JournalTarget.Postgres(postgres),
            system => system.DeadLetters,
            PositionSettings.Default,
            TimeProvider.System,
            NumberOfShards: 100,
            Port: port,
            SeedNodes: [seed],
            ExtraHocon: "akka.loglevel = WARNING\nakka.log-dead-letters = off")));
        using var host = builder.Build();
        await host.StartAsync();
        var up = new TaskCompletionSource();
        var cluster = Cluster.Get(host.Services.GetRequiredService<Akka.Actor.ActorSystem>());
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task;
        Console.WriteLine("READY");
        await host.WaitForShutdownAsync();
    }
}
