using System.Globalization;
using Akka.Hosting;
using PositionManager.Persistence;

namespace PositionManager.Persistence.Discovery;

public static class PostgresDiscoveryHosting
{
    /// <summary>The method's name in <c>akka.discovery</c>, as Cluster Bootstrap's <c>discovery-method</c> names it.</summary>
    public const string Method = "postgres";

    /// <summary>
    /// Points the <c>postgres</c> method (its fixed settings in hocon/bootstrap.conf) at a database
    /// and registers <paramref name="self"/> there. The connection string goes into the actor
    /// system's configuration as the journal's does; neither is ever logged.
    /// </summary>
    public static AkkaConfigurationBuilder WithPostgresDiscovery(this AkkaConfigurationBuilder builder, string connectionString, ContactPoint self) =>
        builder.AddHocon(
            string.Create(CultureInfo.InvariantCulture, $$"""
                akka.discovery.{{Method}} {
                  connection-string = {{HoconText.Quote(connectionString)}}
                  self { service-name = {{HoconText.Quote(self.ServiceName)}}, host = {{HoconText.Quote(self.Host)}}, port = {{self.Port}} }
                }
                """),
            HoconAddMode.Prepend);
}
