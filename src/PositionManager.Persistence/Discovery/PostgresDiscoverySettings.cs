using Akka.Configuration;

namespace PositionManager.Persistence.Discovery;

/// <summary>
/// The section <c>akka.discovery.postgres</c> (hocon/bootstrap.conf; the node fills in the
/// connection and what it registers). Without <see cref="Self"/> the method only looks up.
/// </summary>
public sealed record PostgresDiscoverySettings(string ConnectionString, TimeSpan HeartbeatInterval, TimeSpan Ttl, ContactPoint? Self)
{
    /// <exception cref="ConfigurationException">The section is incomplete or its timings contradict each other.</exception>
    public static PostgresDiscoverySettings From(Config section)
    {
        var connection = section.GetString("connection-string", string.Empty);
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new ConfigurationException("akka.discovery.postgres.connection-string is empty");
        }

        var interval = section.GetTimeSpan("heartbeat-interval", TimeSpan.FromSeconds(2));
        var ttl = section.GetTimeSpan("ttl", TimeSpan.FromSeconds(10));
        if (interval <= TimeSpan.Zero || ttl < 2 * interval)
        {
            // A TTL under two heartbeats would drop a live node after one late beat.
            throw new ConfigurationException($"akka.discovery.postgres: ttl ({ttl}) must be at least twice heartbeat-interval ({interval}), which must be positive");
        }

        var serviceName = section.GetString("self.service-name", string.Empty);
        var host = section.GetString("self.host", string.Empty);
        var port = section.GetInt("self.port", 0);
        ContactPoint? self = null;
        if (!string.IsNullOrWhiteSpace(serviceName) || !string.IsNullOrWhiteSpace(host) || port != 0)
        {
            if (string.IsNullOrWhiteSpace(serviceName) || string.IsNullOrWhiteSpace(host) || port is < 1 or > 65535)
            {
                throw new ConfigurationException($"akka.discovery.postgres.self needs service-name, host and a port 1-65535 (got '{serviceName}', '{host}', {port})");
            }

            self = new ContactPoint(serviceName, host, port);
        }

        return new PostgresDiscoverySettings(connection, interval, ttl, self);
    }
}
