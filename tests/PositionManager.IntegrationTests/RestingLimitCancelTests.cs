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
using PositionManager.PaperBroker.Time;
using PositionManager.Persistence;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Cancel-and-replace end to end (the simulation's seed 533741156): a node (gateway, positions,
/// price feed, reconciler) and a PaperBroker over HTTP on one manual clock (advancing it works the
/// orders due then), fills one second after submission. A close is refused once; its retry, a sell limit 2% under the bid, rests as the bid
/// falls through it; after 15 s the position has it cancelled, and a replacement limit priced from
/// the bid then fills. At no moment are two orders of ours live for the contract (invariant 3).
/// </summary>
public sealed class RestingLimitCancelTests : IAsyncLifetime
{
    private const string Call = "GOOGL261218C00340000";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(5);
    private static readonly ExitPolicy TrailWithLimitRetry = new(Trailing: TrailingStopRule.Percent(10), RetryLimitOffsetPercent: 2);

    private readonly SettableQuotePath _quote = new(4.90m, 5.10m);
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private GatewayBroker? _broker;
    private SystemNode? _node;
    private HoldingBroker? _calls;

    private GatewayBroker Broker => _broker!;

    private SystemNode Node => _node!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_retry_limit_the_bid_falls_through_is_cancelled_and_a_limit_at_the_new_bid_closes_the_position()
    {
        await StartAsync(withStream: true, GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) });
        var resting = await RestingRetryAsync();

        _quote.Set(3.50m, 3.60m);
        var liveAtOnce = await StepUntilAsync(s => s.Status == PositionStatus.Closed);

        Assert.Equal(1, liveAtOnce);
        var orders = Broker.Orders().Where(o => o.Symbol == Call).OrderBy(o => o.CreatedAt).ToList();
        Assert.Equal(2, orders.Count); // the refused first close never became an order
        var (canceled, replacement) = (orders[0], orders[1]);
        Assert.Equal((resting, OrderStatuses.Canceled, 3.92m, 0m), (canceled.ClientOrderId, canceled.Status, canceled.LimitPrice, canceled.FilledQty));
        Assert.Equal((OrderStatuses.Filled, 3.43m, 2m, 3.50m), (replacement.Status, replacement.LimitPrice, replacement.FilledQty, replacement.FilledAvgPrice));
        Assert.All(orders, o => Assert.Equal((OrderSide.Sell, PositionIntent.SellToClose, PaperOrderType.Limit), (o.Side, o.PositionIntent, o.Type)));
        Assert.True(replacement.CreatedAt >= canceled.CanceledAt, $"replacement sent {replacement.CreatedAt:O}, old order canceled {canceled.CanceledAt:O}");
        Assert.Contains($"cancel {canceled.Id}", _calls!.Calls);
        Assert.Equal(0m, Broker.Held(Call));
    }

    [Fact]
    public async Task A_cancel_refused_422_because_the_order_already_filled_changes_nothing_and_the_fill_closes_the_position()
    {
        // No stream and a poll an hour away: the gateway learns of the fill only by its read after the 422.
        await StartAsync(withStream: false, GatewaySettings.Default with { PollInterval = TimeSpan.FromHours(1) });
        var resting = await RestingRetryAsync();
        Broker.Host.Advance(TimeSpan.FromSeconds(2));
        await Eventually.AssertAsync(
            () =>
            {
                Assert.Equal(OrderStatuses.Filled, Assert.Single(Broker.OrdersFor(resting)).Status);
                return Task.CompletedTask;
            },
            Patience);
        Assert.NotNull((await StateAsync()).PendingExit);

        _quote.Set(3.50m, 3.60m);
        await StepUntilAsync(s => s.Status == PositionStatus.Closed);

        var order = Assert.Single(Broker.Orders(), o => o.Symbol == Call);
        Assert.Equal((resting, OrderStatuses.Filled, 2m, 4.01m), (order.ClientOrderId, order.Status, order.FilledQty, order.FilledAvgPrice));
        Assert.Contains($"cancel {order.Id}", _calls!.Calls);
        Assert.Equal(0m, Broker.Held(Call));
        var closed = await StateAsync();
        Assert.Equal((0, (PendingExit?)null), (closed.Quantity, closed.PendingExit));
    }

    private async Task StartAsync(bool withStream, GatewaySettings gateway)
    {
        _broker = await GatewayBroker.StartAsync(o => o.Fills = new FillSettings { FillDelay = TimeSpan.FromSeconds(1) }, _time);
        Broker.Host.Account.SeedPosition(Call, 2, 5.00m);
        Broker.Host.Market.SetPath(Call, _quote);
        _calls = new HoldingBroker(Broker.Client);
        _node = await SystemNode.StartAsync(
            TestJournals.New(PersistenceBackend.Sqlite),
            Broker,
            gateway,
            withStream,
            reconcile: new ReconcilerSettings(TimeSpan.FromHours(1), PolicyBook.Only(TrailWithLimitRetry)),
            prices: new PriceFeedSettings(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30)),
            clock: _time,
            gatewayClient: _calls);
    }

    /// <summary>The first close refused by the broker, the retry a sell limit at 3.92 (bid 4.01 less 2%) at the broker, unfilled.</summary>
    private async Task<string> RestingRetryAsync()
    {
        await ExpectStateAsync(s => s is { Status: PositionStatus.Open, Quantity: 2, Stop: 4.50m });
        Broker.Host.Faults.RejectNextOrders(1);
        _quote.Set(4.00m, 4.10m);
        await ExpectStateAsync(s => s is { ConsecutiveRejections: 1, PendingExit: null });

        Broker.Host.Advance(TimeSpan.FromSeconds(2));
        _quote.Set(4.01m, 4.11m);
        await ExpectStateAsync(s => s.PendingExit is { ExitSequence: 2, LimitPrice: 3.92m, BrokerOrderId: not null });
        return (await StateAsync()).PendingExit!.ClientOrderId;
    }

    /// <summary>Moves time 5 s at a time, two price polls after each step, until the state matches; returns the most orders of ours seen live at once.</summary>
    private async Task<int> StepUntilAsync(Func<PositionState, bool> done)
    {
        var mostLive = 0;
        for (var step = 0; step < 24; step++)
        {
            await AfterTwoMorePollsAsync();
            mostLive = Math.Max(mostLive, Broker.Orders().Count(o => o.Symbol == Call && o.IsOpen));
            if (done(await StateAsync()))
            {
                return mostLive;
            }

            Broker.Host.Advance(Step);
        }

        Assert.Fail($"not done after 24 steps of {Step}: {await StateAsync()}; orders: {string.Join("; ", Broker.Orders())}");
        return mostLive;
    }

    private Task<PositionState> StateAsync() => Node.PositionStateAsync(Call);

    private Task ExpectStateAsync(Func<PositionState, bool> expected) => Node.ExpectPositionStateAsync(Call, expected);

    private Task AfterTwoMorePollsAsync() => Node.AfterTwoMorePollsAsync(orFeedIdle: true);
}
