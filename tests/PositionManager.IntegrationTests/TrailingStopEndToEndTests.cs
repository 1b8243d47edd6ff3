using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Actors.Prices;
using PositionManager.Actors.Reconciliation;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Accounts;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Issue 6 end to end, nothing stubbed: a node (gateway, positions, price feed, reconciler) and a
/// PaperBroker over HTTP. The broker holds a long call and 100 shares of its underlying; the call
/// is adopted, its quotes come through the real market data client, and its trailing stop sells it
/// with one sell_to_close of the call, while the stock and every bad quote move nothing.
/// </summary>
public abstract class TrailingStopEndToEndSpec(PersistenceBackend backend) : IAsyncLifetime
{
    private const string Call = "GOOGL260220C00340000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly ExitPolicy TrailTenPercent = new(Trailing: TrailingStopRule.Percent(10));

    private readonly SettableQuotePath _quote = new(4.90m, 5.10m);
    private GatewayBroker _broker = null!;
    private SystemNode _node = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        _broker.Host.Account.SeedPosition(Call, 2, 5.00m);
        _broker.Host.Market.SetPath(Call, _quote);
        _broker.Hold("GOOGL", 100, 180.00m, 180.10m);
        _node = await SystemNode.StartAsync(
            TestJournals.New(backend),
            _broker,
            GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) },
            reconcile: new ReconcilerSettings(TimeSpan.FromHours(1), PolicyBook.Only(TrailTenPercent)),
            prices: new PriceFeedSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task An_adopted_long_call_trails_up_then_one_sell_to_close_of_the_call_closes_it_and_the_stock_stays()
    {
        // Adopted by the reconciler's first pass: entry 5.00, trail armed at once, stop 4.50.
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open, Quantity: 2, Stop: 4.50m });

        _quote.Set(6.00m, 6.10m);
        await ExpectStateAsync(s => s is { Peak: 6.00m, Stop: 5.40m });

        // A crossed bid above the peak would raise the stop; a zero bid would fire it. Neither may.
        _quote.Set(9.00m, 8.00m);
        await AfterTwoMorePollsAsync();
        _quote.Set(0m, 0.10m);
        await AfterTwoMorePollsAsync();
        var untouched = await StateAsync();
        Assert.Equal((PositionStatus.Open, 6.00m, 5.40m), (untouched.Status, untouched.Peak, untouched.Stop));
        Assert.Empty(_broker.Orders());

        _quote.Set(5.30m, 5.40m);
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);

        var order = Assert.Single(_broker.Orders());
        Assert.Equal((Call, OrderSide.Sell, PositionIntent.SellToClose, 2m, 2m), (order.Symbol, order.Side, order.PositionIntent, order.Qty, order.FilledQty));
        var held = Assert.Single(_broker.Positions());
        Assert.Equal(("GOOGL", AssetClass.UsEquity, 100m), (held.Position.Symbol, held.Position.AssetClass, held.Position.Qty));
    }

    [Fact]
    public async Task A_position_closed_by_its_exit_is_dropped_from_the_price_feed_at_once()
    {
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open, Stop: 4.50m });
        await ExpectFeedAsync(status => Assert.Equal([Call], status.Symbols));

        _quote.Set(4.40m, 4.50m);
        await ExpectStateAsync(s => s.Status == PositionStatus.Closed);

        // The only pass ran at start (the next is an hour away): the position's own notice released it.
        await ExpectFeedAsync(status => Assert.Equal((0, 0), (status.Positions, status.Symbols.Count)));
        Assert.Empty((await _node.Reconciler!.Ask<PriceFeedProtocol.Watch>(ReconcilerProtocol.GetWatched.Instance, Patience)).Positions);
        Assert.Single(_broker.Orders());
    }

    private Task ExpectFeedAsync(Action<PriceFeedProtocol.PriceFeedStatus> expected) =>
        Eventually.AssertAsync(
            async () => expected(await _node.PriceFeed!.Ask<PriceFeedProtocol.PriceFeedStatus>(PriceFeedProtocol.GetFeedStatus.Instance, Patience)),
            Patience);

    private Task<PositionState> StateAsync() => _node.PositionStateAsync(Call);

    private Task ExpectStateAsync(Func<PositionState, bool> expected) => _node.ExpectPositionStateAsync(Call, expected);

    private Task AfterTwoMorePollsAsync() => _node.AfterTwoMorePollsAsync();
}

public sealed class PostgresTrailingStopEndToEndTests() : TrailingStopEndToEndSpec(PersistenceBackend.Postgres);

public sealed class SqliteTrailingStopEndToEndTests() : TrailingStopEndToEndSpec(PersistenceBackend.Sqlite);
