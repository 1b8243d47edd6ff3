using Akka.Actor;
using Akka.Configuration;
using Akka.Discovery;
using PositionManager.Actors.Configuration;
using PositionManager.Persistence;
using PositionManager.Persistence.Discovery;

namespace PositionManager.IntegrationTests.Discovery;

/// <summary>
/// An actor system with the <c>postgres</c> discovery method exactly as hocon/bootstrap.conf names it,
/// created the way Cluster Bootstrap creates it (through Akka.Discovery, by method name).
/// </summary>
internal sealed class DiscoverySystem : IAsyncDisposable
{
    private DiscoverySystem(ActorSystem system, ServiceDiscovery discovery)
    {
        System = system;
        Discovery = discovery;
    }

    public ActorSystem System { get; }

    public ServiceDiscovery Discovery { get; }

    /// <param name="self">What this system registers; none: it only looks up.</param>
    public static DiscoverySystem Start(string connectionString, ContactPoint? self, string extraHocon = "")
    {
        var registration = self is null
            ? string.Empty
            : $"self {{ service-name = \"{self.ServiceName}\", host = \"{self.Host}\", port = {self.Port} }}";
        var hocon = $$"""
            {{File.ReadAllText(Path.Combine(AkkaConfig.DefaultDirectory, "bootstrap.conf"))}}
            akka.discovery.postgres {
              connection-string = "{{connectionString}}"
              {{registration}}
            }
            {{extraHocon}}
            """;
        var system = ActorSystem.Create("discovery-test", ConfigurationFactory.ParseString(hocon));
        return new DiscoverySystem(system, Akka.Discovery.Discovery.Get(system).LoadServiceDiscovery(PostgresDiscoveryHosting.Method));
    }

    public async Task<IReadOnlyList<(string Host, int? Port)>> LookupAsync(string serviceName)
    {
        var resolved = await Discovery.Lookup(new Lookup(serviceName), TimeSpan.FromSeconds(5));
        return [.. resolved.Addresses.Select(a => (a.Host, a.Port)).Order()];
    }

    public async ValueTask DisposeAsync() => await System.Terminate();
}
