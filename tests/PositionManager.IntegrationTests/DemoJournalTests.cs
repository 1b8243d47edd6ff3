using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PositionManager.Actors.Hosting;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Positions;
using PositionManager.Node.Configuration;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The demo (no Alpaca keys: the embedded broker, whose account is new at each start) on a
/// PostgreSQL journal: it journals in a schema of its own, made afresh at each start as the SQLite
/// demo file is, so a second run does not find the first run's closed contracts; the database's
/// other tables (a real node's journal) are left alone.
/// </summary>
public sealed class DemoJournalTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-demo-journal-test-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task A_second_demo_run_on_the_same_database_starts_from_an_empty_journal_and_adopts_what_the_first_closed()
    {
        var database = TestJournals.NewPostgres().ConnectionString;
        Execute(database, "CREATE TABLE public.journal_of_a_real_node (id int); INSERT INTO public.journal_of_a_real_node VALUES (1)");

        string closed;
        await using (var first = await StartDemoAsync(database))
        {
            Assert.EndsWith($", schema {JournalSetup.DemoSchema}", first.Journal);
            closed = (await AdoptedAsync(first))[0].PositionId;
            var region = first.Services.GetRequiredService<ActorRegistry>().Get<PositionRegion>();
            var flat = await region.Ask<object>(new PositionProtocol.MarkBrokerFlat(closed, "closed in the first run"), Patience);
            Assert.Equal(PositionStatus.Closed, Assert.IsType<PositionProtocol.CommandAccepted>(flat).State.Status);
        }

        var closes = $"SELECT count(*) FROM {JournalSetup.DemoSchema}.journal WHERE persistence_id LIKE '%{closed}%' AND manifest = 'PositionClosed.v1'";
        Assert.Equal(1, Count(database, closes));

        await using (var second = await StartDemoAsync(database))
        {
            // A kept journal would hold the contract closed (and alert HeldButClosedHere); the new
            // account holds it again, so it is adopted like every other.
            var adopted = await AdoptedAsync(second, closed);
            var region = second.Services.GetRequiredService<ActorRegistry>().Get<PositionRegion>();
            var state = (await region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(closed), Patience)).State;
            Assert.Equal(PositionStatus.Open, state.Status);
            Assert.Contains(adopted, p => p.PositionId == closed);
            Assert.Equal(0, Count(database, closes));
        }

        Assert.Equal(1, Count(database, "SELECT count(*) FROM public.journal_of_a_real_node"));
        Assert.Equal(0, Count(database, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'journal_of_a_real_node'"));
    }

    [Fact]
    public async Task A_demo_whose_postgres_cannot_be_reached_stops_with_one_line_naming_the_variable_and_no_password()
    {
        var unreachable = "Host=127.0.0.1;Port=1;Username=demo;Password=hunter2-secret;Database=demo;Timeout=5";

        var bad = await Assert.ThrowsAsync<NodeSettingsException>(() => StartDemoAsync(unreachable));

        Assert.StartsWith($"PositionManager__Journal__Postgres: cannot make the demo's schema {JournalSetup.DemoSchema} afresh", bad.Message);
        Assert.DoesNotContain("hunter2-secret", bad.Message);
        Assert.DoesNotContain('\n', bad.Message);
    }

    private Task<PositionManagerNode> StartDemoAsync(string database) =>
        PositionManagerNode.StartAsync([], new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Journal:Postgres"] = database,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });

    private static async Task<IReadOnlyList<WatchedPosition>> AdoptedAsync(PositionManagerNode node, string? including = null)
    {
        var reconciler = node.Services.GetRequiredService<ActorRegistry>().Get<ReconcilerProxy>();
        IReadOnlyList<WatchedPosition> adopted = [];
        await Eventually.AssertAsync(
            async () =>
            {
                adopted = (await reconciler.Ask<PriceFeedProtocol.Watch>(ReconcilerProtocol.GetWatched.Instance, Patience)).Positions;
                Assert.NotEmpty(adopted);
                if (including is not null)
                {
                    Assert.Contains(adopted, p => p.PositionId == including);
                }
            },
            Patience);
        return adopted;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static long Count(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
