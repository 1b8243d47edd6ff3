using PositionManager.Actors.Positions;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.IntegrationTests.Support;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Issue 6, "killed after a new peak": the node as a process of its own (README's build output,
/// Alpaca variables pointing at a PaperBroker over HTTP) adopts a long call, journals a new peak,
/// and is killed with SIGKILL. The price falls through the stop of that peak while no node runs.
/// The node restarted on the same journal must sell at that stop: one sell_to_close of the call
/// for the held quantity. Had the peak been lost, the stop would sit at 4.50 and 5.30 would sell
/// nothing, so the sale itself proves the peak came back from the journal.
/// </summary>
public abstract class NodeKillAfterPeakSpec(PersistenceBackend backend) : IAsyncLifetime
{
    private const string Call = "GOOGL281215C00340000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string PersistenceId = PositionActor.PersistenceIdFor(Call);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-node-kill-");
    private readonly SettableQuotePath _quote = new(5.00m, 5.10m);
    private GatewayBroker _broker = null!;
    private JournalTarget _journal = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        _broker.Host.Account.SeedPosition(Call, 2, 5.00m);
        _broker.Host.Market.SetPath(Call, _quote);
        _environment = new Dictionary<string, string>
        {
            ["APCA_API_KEY_ID"] = GatewayBroker.KeyId,
            ["APCA_API_SECRET_KEY"] = GatewayBroker.Secret,
            ["APCA_API_BASE_URL"] = _broker.Host.BaseUrl.ToString(),
            ["APCA_API_DATA_URL"] = _broker.Host.BaseUrl.ToString(),
            ["PositionManager__ExitPolicy__TrailingStopPercent"] = "10",
            ["PositionManager__ExitPolicy__PriceSource"] = "bid",
            ["PositionManager__MarketData__PollInterval"] = "100ms",

            // The pass at start adopts; no later pass may stand in for what recovery must do.
            ["PositionManager__Reconcile__Interval"] = "01:00:00",
            ["PositionManager__DataDirectory"] = _directory.FullName,
        };
        if (backend == PersistenceBackend.Postgres)
        {
            _journal = TestJournals.NewPostgres();
            _environment["PositionManager__Journal__Postgres"] = _journal.ConnectionString;
        }
        else
        {
            // Where a node with Alpaca keys journals: kept across restarts, unlike the demo's file.
            _journal = JournalTarget.SqliteFile(Path.Combine(_directory.FullName, "positions.db"));
        }
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_node_killed_after_a_new_peak_sells_at_the_stop_of_that_peak_once_restarted()
    {
        await using (var first = NodeProcess.Start(_directory.FullName, _environment))
        {
            // Entry 5.00 and a 10% trail armed at once: the stop starts at 4.50.
            await EventuallyJournaledAsync(first, events => Assert.Contains(events, e => e is PositionOpened { Quantity: 2, EntryPrice: 5.00m, Origin: OpenOrigin.Adopted }));

            _quote.Set(6.00m, 6.10m);
            await EventuallyJournaledAsync(first, events => Assert.Contains(events, e => e is PeakRaised { Peak: 6.00m, Stop: 5.40m }));

            await first.KillAsync();
        }

        Assert.Empty(_broker.Orders());

        // Below the persisted stop (5.40), above the entry's (4.50): only the recovered peak sells here.
        _quote.Set(5.30m, 5.40m);
        await using var restarted = NodeProcess.Start(_directory.FullName, _environment);
        await EventuallyJournaledAsync(restarted, events => Assert.IsType<PositionClosed>(events[^1]));
        await Eventually.AssertAsync(
            () =>
            {
                Assert.Equal(0m, _broker.Held(Call));
                return Task.CompletedTask;
            },
            Patience);

        var order = Assert.Single(_broker.Orders());
        Assert.Equal(
            (Call, OrderSide.Sell, PositionIntent.SellToClose, 2m, 2m),
            (order.Symbol, order.Side, order.PositionIntent, order.Qty, order.FilledQty));
        var journaled = await JournalRows.EventsAsync(_journal, PersistenceId);
        var peak = Assert.Single(journaled.OfType<PeakRaised>());
        Assert.Equal((6.00m, 5.40m), (peak.Peak, peak.Stop));
        var exit = Assert.Single(journaled.OfType<ExitTriggered>());
        Assert.Equal((ExitReason.TrailingStop, 2, 5.30m, order.ClientOrderId), (exit.Reason, exit.Quantity, exit.TriggerPrice, exit.ClientOrderId));
    }

    private Task EventuallyJournaledAsync(NodeProcess node, Action<IReadOnlyList<object>> expected) =>
        Eventually.AssertAsync(
            async () =>
            {
                // The node creates its tables on start; until then the read fails and is tried again.
                var events = await JournalRows.EventsAsync(_journal, PersistenceId);
                try
                {
                    Assert.NotEmpty(events);
                    expected(events);
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"{e.Message}{Environment.NewLine}journal: {string.Join(", ", events)}{Environment.NewLine}node: {string.Join(Environment.NewLine, node.Output.TakeLast(20))}{string.Join(Environment.NewLine, node.Errors)}");
                }
            },
            Patience);
}

public sealed class PostgresNodeKillAfterPeakTests() : NodeKillAfterPeakSpec(PersistenceBackend.Postgres);

public sealed class SqliteNodeKillAfterPeakTests() : NodeKillAfterPeakSpec(PersistenceBackend.Sqlite);
