using PositionManager.Persistence;
using PositionManager.TestSupport;

namespace PositionManager.Simulation.World;

/// <summary>
/// The broker, the node and the journal one run shares across its scenarios. A node restart
/// stops the actor system and starts a new one on the same journal; the broker never restarts.
/// </summary>
public sealed partial class SimWorld : IAsyncDisposable
{
    /// <summary>A Monday: the simulated clock starts here for every run.</summary>
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);

    private SimWorld(SimBroker broker, JournalTarget journal)
    {
        Broker = broker;
        Journal = journal;
        Gateway = new RecordingBrokerClient(broker.NewTradingClient(), broker.Account, () => Bug);
        Reconciling = new RecordingBrokerClient(broker.NewTradingClient(), broker.Account, () => Bug);
        MarketData = new PlantableMarketData(broker.NewMarketData(), () => Bug);
    }

    public SimBroker Broker { get; }

    public JournalTarget Journal { get; }

    public SimNode Node { get; private set; } = null!;

    /// <summary>What the gateway sends, as the broker saw it.</summary>
    public RecordingBrokerClient Gateway { get; }

    /// <summary>The reconciler's reads (and, with a planted bug, what it sends).</summary>
    public RecordingBrokerClient Reconciling { get; }

    /// <summary>The feed's market data, whichever node runs the feed (a restart or a kill keeps it).</summary>
    public PlantableMarketData MarketData { get; }

    /// <summary>The bug planted for this run; <see cref="PlantedBug.None"/> outside the planted-bug tests.</summary>
    public PlantedBug Bug { get; set; }

    public int Restarts { get; private set; }

    public static async Task<SimWorld> StartAsync(JournalTarget? journal = null)
    {
        var broker = await SimBroker.StartAsync(Start);
        var world = new SimWorld(broker, journal ?? TestJournals.NewSqlite());
        world.Node = await world.StartNodeAsync();
        return world;
    }

    public async Task RestartNodeAsync()
    {
        if (_cluster is not null)
        {
            await KillMemberAsync();
            return;
        }

        await Node.DisposeAsync();
        Restarts++;
        Node = await StartNodeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await (_cluster ?? (IAsyncDisposable)Node).DisposeAsync();
        await Broker.DisposeAsync();
    }

    private Task<SimNode> StartNodeAsync(ClusterSeat? seat = null) =>
        SimNode.StartAsync(Journal, Broker.Clock, Gateway, Reconciling, Broker.NewTradeStream(), MarketData, Broker.NewContractDirectory(), seat);
}
