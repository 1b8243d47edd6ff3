using Microsoft.Extensions.Configuration;
using PositionManager.Node.Configuration;

namespace PositionManager.IntegrationTests.Cluster;

/// <summary>How a node is told to find the others, and the one line each wrong setting gets.</summary>
public sealed class ClusterFormationSettingsTests
{
    private const string Journal = "Host=10.0.0.9;Database=positions;Username=pm";

    [Fact]
    public void Without_settings_a_node_keeps_seed_nodes_and_bootstrap_defaults_are_akkas()
    {
        var formation = Read([]).Cluster.Formation;

        Assert.Equal(
            (ClusterDiscovery.Seeds, 8558, 2, "position-manager", 0, (string?)null),
            (formation.Discovery, formation.ManagementPort, formation.RequiredContactPoints, formation.ServiceName, formation.ContactPoints.Count, formation.DiscoveryPostgres));
        Assert.False(formation.UsesBootstrap);
    }

    [Fact]
    public void Postgres_discovery_reuses_the_journal_database_unless_given_its_own()
    {
        var shared = Read(new() { ["Cluster:Discovery"] = "postgres", ["Journal:Postgres"] = Journal }).Cluster.Formation;
        var separate = Read(new() { ["Cluster:Discovery"] = "Postgres", ["Journal:Postgres"] = Journal, ["Cluster:DiscoveryPostgres"] = "Host=10.0.0.8;Database=discovery" }).Cluster.Formation;

        Assert.Equal((ClusterDiscovery.Postgres, Journal), (shared.Discovery, shared.DiscoveryPostgres));
        Assert.Equal("Host=10.0.0.8;Database=discovery", separate.DiscoveryPostgres);
    }

    [Fact]
    public void Config_discovery_takes_a_fixed_list_of_management_endpoints()
    {
        var formation = Read(new()
        {
            ["Cluster:Discovery"] = "config",
            ["Cluster:ContactPoints"] = "10.0.0.1:8558, 10.0.0.2:8558",
            ["Cluster:ManagementPort"] = "8559",
            ["Cluster:RequiredContactPoints"] = "3",
            ["Cluster:ServiceName"] = "pm-prod",
        }).Cluster.Formation;

        Assert.Equal(["10.0.0.1:8558", "10.0.0.2:8558"], formation.ContactPoints);
        Assert.Equal((8559, 3, "pm-prod"), (formation.ManagementPort, formation.RequiredContactPoints, formation.ServiceName));
    }

    [Theory]
    [InlineData("Cluster:Discovery", "zookeeper", "PositionManager__Cluster__Discovery: 'zookeeper' is not seeds, config or postgres")]
    [InlineData("Cluster:ManagementPort", "0", "PositionManager__Cluster__ManagementPort: '0' is not a port (1-65535)")]
    [InlineData("Cluster:RequiredContactPoints", "none", "PositionManager__Cluster__RequiredContactPoints: 'none' is not a number of nodes (1-1000)")]
    [InlineData("Cluster:ContactPoints", "10.0.0.1", "PositionManager__Cluster__ContactPoints: '10.0.0.1' is not <host>:<management port>")]
    public void A_malformed_formation_setting_is_named(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { [key] = value }));

        Assert.Contains(problem, refused.Message);
    }

    [Theory]
    [InlineData("postgres", "PositionManager__Cluster__Discovery: postgres needs PositionManager__Cluster__DiscoveryPostgres or PositionManager__Journal__Postgres")]
    [InlineData("config", "PositionManager__Cluster__Discovery: config needs PositionManager__Cluster__ContactPoints")]
    public void A_discovery_without_what_it_needs_is_refused(string discovery, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { ["Cluster:Discovery"] = discovery }));

        Assert.Contains(problem, refused.Message);
    }

    [Fact]
    public void Seed_nodes_and_bootstrap_exclude_each_other()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new()
        {
            ["Cluster:Discovery"] = "postgres",
            ["Journal:Postgres"] = Journal,
            ["Cluster:Port"] = "2552",
            ["Cluster:SeedNodes"] = "akka.tcp://position-manager@10.0.0.1:2552",
        }));

        Assert.Contains("PositionManager__Cluster__Discovery: postgres forms the cluster through Cluster Bootstrap; unset PositionManager__Cluster__SeedNodes", refused.Message);
    }

    [Fact]
    public void A_malformed_discovery_connection_string_is_refused_without_echoing_it()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { ["Cluster:Discovery"] = "postgres", ["Cluster:DiscoveryPostgres"] = "Password=hunter2;Bogus" }));

        Assert.Contains("PositionManager__Cluster__DiscoveryPostgres: not a valid Npgsql connection string", refused.Message);
        Assert.DoesNotContain("hunter2", refused.Message);
    }

    private static PositionManagerOptions Read(Dictionary<string, string?> settings) =>
        PositionManagerOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"PositionManager:{s.Key}", s.Value)))
            .Build());
}
