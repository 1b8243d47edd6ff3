using Akka.Actor;
using Akka.Configuration;
using Npgsql;
using PositionManager.IntegrationTests.Support;
using PositionManager.Persistence.Discovery;

namespace PositionManager.IntegrationTests.Discovery;

/// <summary>
/// The <c>postgres</c> discovery method against a real PostgreSQL (a database of each test's own):
/// a node registers its management endpoint at once and keeps it fresh, a lookup answers only
/// fresh rows of the asked service, a stopped node deletes its row and a silent one ages out.
/// Time passing is simulated by moving heartbeats back in the database, never waited for.
/// </summary>
public sealed class PostgresDiscoveryTests : IAsyncLifetime
{
    private const string Service = "position-manager";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly string _connection = TestJournals.NewPostgres().ConnectionString;
    private readonly List<DiscoverySystem> _systems = [];
    private ContactPointRows _rows = null!;

    public Task InitializeAsync()
    {
        _rows = new ContactPointRows(_connection);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var system in _systems)
        {
            await system.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_node_creates_the_table_and_is_found_as_soon_as_it_starts()
    {
        var node = Start(new ContactPoint(Service, "127.0.0.1", 18558));

        await Eventually.AssertAsync(
            async () => Assert.Equal([("127.0.0.1", 18558)], await node.LookupAsync(Service)),
            Patience);
        var target = Assert.Single((await node.Discovery.Lookup(new Akka.Discovery.Lookup(Service), TimeSpan.FromSeconds(5))).Addresses);
        Assert.Equal("127.0.0.1", target.Address?.ToString());
    }

    [Fact]
    public async Task Lookup_answers_only_the_fresh_rows_of_the_asked_service()
    {
        var looker = Start(self: null);
        await Eventually.AssertAsync(async () => Assert.Empty(await looker.LookupAsync(Service)), Patience);
        await _rows.InsertAsync(new ContactPoint(Service, "10.0.0.2", 8558), TimeSpan.FromSeconds(1));
        await _rows.InsertAsync(new ContactPoint(Service, "10.0.0.1", 8558), TimeSpan.FromSeconds(7));
        await _rows.InsertAsync(new ContactPoint(Service, "10.0.0.3", 8558), TimeSpan.FromSeconds(30));
        await _rows.InsertAsync(new ContactPoint("another-service", "10.0.0.4", 8558), TimeSpan.Zero);

        // The TTL of hocon/bootstrap.conf is 10 s: 1 s and 7 s old are in, 30 s old is out.
        Assert.Equal([("10.0.0.1", 8558), ("10.0.0.2", 8558)], await looker.LookupAsync(Service));
        Assert.Equal([("10.0.0.4", 8558)], await looker.LookupAsync("another-service"));
    }

    [Fact]
    public async Task A_live_node_keeps_beating_while_a_silent_one_ages_out()
    {
        var live = Start(new ContactPoint(Service, "127.0.0.1", 18001));
        await Eventually.AssertAsync(async () => Assert.Single(await live.LookupAsync(Service)), Patience);
        await _rows.InsertAsync(new ContactPoint(Service, "127.0.0.1", 18002), TimeSpan.Zero);
        Assert.Equal([("127.0.0.1", 18001), ("127.0.0.1", 18002)], await live.LookupAsync(Service));

        // A minute passes: the killed node wrote nothing since, the live one beats again.
        await _rows.AgeAllAsync(TimeSpan.FromMinutes(1));

        await Eventually.AssertAsync(
            async () => Assert.Equal([("127.0.0.1", 18001)], await live.LookupAsync(Service)),
            Patience);
        Assert.Contains((Service, "127.0.0.1", 18002), await _rows.AllAsync());
    }

    [Fact]
    public async Task A_node_stopped_through_coordinated_shutdown_deletes_its_row_and_only_its_own()
    {
        var stopping = Start(new ContactPoint(Service, "127.0.0.1", 18101));
        var staying = Start(new ContactPoint(Service, "127.0.0.1", 18102));
        await Eventually.AssertAsync(async () => Assert.Equal(2, (await staying.LookupAsync(Service)).Count), Patience);

        await CoordinatedShutdown.Get(stopping.System).Run(CoordinatedShutdown.ClrExitReason.Instance);

        Assert.Equal([(Service, "127.0.0.1", 18102)], await _rows.AllAsync());
        Assert.Equal([("127.0.0.1", 18102)], await staying.LookupAsync(Service));
    }

    [Fact]
    public async Task Nodes_started_at_once_on_a_new_database_all_register()
    {
        var nodes = Enumerable.Range(0, 5).Select(i => Start(new ContactPoint(Service, "127.0.0.1", 18200 + i))).ToList();

        await Eventually.AssertAsync(
            async () => Assert.Equal(Enumerable.Range(18200, 5).Select(p => (Service, "127.0.0.1", p)), await _rows.AllAsync()),
            Patience);
        foreach (var node in nodes)
        {
            Assert.Equal(5, (await node.LookupAsync(Service)).Count);
        }
    }

    [Fact]
    public async Task The_migration_file_is_the_schema_and_may_be_run_before_the_nodes()
    {
        var migration = await File.ReadAllTextAsync(Repository.PathOf("deploy", "sql", "002_discovery.postgres.sql"));
        await using (var connection = new NpgsqlConnection(_connection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(migration + ";" + migration, connection);
            await command.ExecuteNonQueryAsync();
        }

        var node = Start(new ContactPoint(Service, "127.0.0.1", 18301));
        await Eventually.AssertAsync(async () => Assert.Single(await node.LookupAsync(Service)), Patience);
    }

    [Theory]
    [InlineData("connection-string = \"\"", "connection-string is empty")]
    [InlineData("heartbeat-interval = 5s, ttl = 8s", "ttl (00:00:08) must be at least twice heartbeat-interval (00:00:05)")]
    [InlineData("self { service-name = x, host = \"\", port = 8558 }", "self needs service-name, host and a port")]
    public void A_contradictory_section_is_refused_naming_the_setting(string hocon, string problem)
    {
        var section = ConfigurationFactory.ParseString($"connection-string = \"Host=h\"\n{hocon}");

        var refused = Assert.Throws<ConfigurationException>(() => PostgresDiscoverySettings.From(section));

        Assert.Contains(problem, refused.Message);
    }

    private DiscoverySystem Start(ContactPoint? self)
    {
        var system = DiscoverySystem.Start(_connection, self);
        _systems.Add(system);
        return system;
    }
}
