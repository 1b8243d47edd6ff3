using System.Reflection;
using Akka.Actor;
using Akka.Cluster.Sharding;
using PositionManager.Actors.Tests.Support;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Persistence;
using Xunit.Abstractions;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Tests;

/// <summary>
/// A full restart of the node (a new actor system on the same journal) brings every OPEN position
/// back without any message sent to it; a closed one stays down. The sharding settings that make it
/// so live in hocon/akka.conf alone, and the running region is shown to have them.
/// </summary>
public abstract class RememberEntitiesSpec(PersistenceBackend backend, ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit(output: output)
{
    private static readonly string[] OpenSymbols = ["GOOGL260220C00340000", "SPY260116P00450500", "AAPL260116C00200000"];
    private const string ClosedSymbol = "MSFT260116C00400000";

    private readonly JournalTarget _journal = TestJournals.New(backend);
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    // A first write to a fresh database starts a shard, its remember-entities store and the journal's
    // tables: on a loaded two-core machine that took longer than TestKit's 3 s default.
    private static readonly TimeSpan FirstWrite = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_restarted_node_runs_its_open_positions_again_and_not_its_closed_ones()
    {
        await using (var first = await HostedNode.StartAsync(_journal, _clock))
        {
            foreach (var symbol in OpenSymbols.Append(ClosedSymbol))
            {
                var opened = await first.Region.Ask<object>(new Open(symbol, symbol, PositionSide.Long, 5, 2.50m, new ExitPolicy(Trailing: TrailingStopRule.Percent(15)), OpenOrigin.Adopted), FirstWrite);
                Assert.IsType<CommandAccepted>(opened);
            }

            Assert.IsType<CommandAccepted>(await first.Region.Ask<object>(new MarkBrokerFlat(ClosedSymbol, "sold by hand"), FirstWrite));
            await AwaitAssertAsync(async () => Assert.Equal(OpenSymbols.Order(), await RunningEntities(first.Region)), TimeSpan.FromSeconds(20));
        }

        await using var second = await HostedNode.StartAsync(_journal, _clock);

        await AwaitAssertAsync(async () => Assert.Equal(OpenSymbols.Order(), await RunningEntities(second.Region)), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(250));
        var closed = await second.Region.Ask<PositionView>(new GetState(ClosedSymbol), RemainingOrDefault);
        Assert.Equal(Domain.Positions.PositionStatus.Closed, closed.State.Status);
    }

    [Fact]
    public async Task The_running_region_has_hocons_sharding_settings()
    {
        await using var node = await HostedNode.StartAsync(_journal, _clock);

        // The settings the region actor was made with (its Props' arguments): Akka.Hosting builds them
        // from the region's ShardOptions over akka.cluster.sharding, so an option set in code would
        // show here instead of HOCON's value.
        var settings = RegionSettings(node.Region);

        Assert.True(settings.RememberEntities, "remember-entities");
        Assert.Equal(StateStoreMode.DData, settings.StateStoreMode);
        Assert.Equal(RememberEntitiesStore.Eventsourced, settings.RememberEntitiesStore);

        // akka.conf sets no passivate-idle-entity-after (the reference's 120 s stays): remember-entities
        // switches idle passivation off. The property is Akka's own test of it (internal), which the
        // region and its shards ask before they schedule any idle check.
        var passivates = typeof(ClusterShardingSettings).GetProperty("ShouldPassivateIdleEntities", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new MissingMemberException(nameof(ClusterShardingSettings), "ShouldPassivateIdleEntities");
        Assert.Equal(TimeSpan.FromSeconds(120), settings.PassivateIdleEntityAfter);
        Assert.False((bool)passivates.GetValue(settings)!, "idle positions would be passivated");
    }

    private static ClusterShardingSettings RegionSettings(IActorRef region)
    {
        var cell = Assert.IsAssignableFrom<ActorRefWithCell>(region).Underlying;
        return Assert.Single(cell.Props.Arguments.OfType<ClusterShardingSettings>());
    }

    private static async Task<IEnumerable<string>> RunningEntities(IActorRef region)
    {
        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, TimeSpan.FromSeconds(5));
        return state.Shards.SelectMany(shard => shard.EntityIds).Order();
    }
}

public sealed class SqliteRememberEntitiesTests(ITestOutputHelper output) : RememberEntitiesSpec(PersistenceBackend.Sqlite, output);

public sealed class PostgresRememberEntitiesTests(ITestOutputHelper output) : RememberEntitiesSpec(PersistenceBackend.Postgres, output);
