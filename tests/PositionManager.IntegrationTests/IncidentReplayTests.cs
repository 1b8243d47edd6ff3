using Akka.Actor;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.IntegrationTests.Support;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The predecessor's incident replayed through OUR system: eight long calls, each beside a stock
/// position in its underlying, ride up and fall through their trailing stops. The predecessor
/// shorted eight times; here every exit is one sell_to_close on the option symbol, the calls end
/// flat, the stock is untouched and nothing anywhere is short.
/// </summary>
public sealed class IncidentReplayTests : IAsyncLifetime
{
    private static readonly (string Underlying, string Call)[] Longs =
    [
        ("GOOGL", "GOOGL260220C00340000"),
        ("AAPL", "AAPL260220C00250000"),
        ("MSFT", "MSFT260220C00500000"),
        ("NVDA", "NVDA260220C00190000"),
        ("AMZN", "AMZN260220C00240000"),
        ("META", "META260220C00700000"),
        ("TSLA", "TSLA260220C00450000"),
        ("NFLX", "NFLX260220C01200000"),
    ];

    private static readonly ExitPolicy TrailTenPercent = new(Trailing: TrailingStopRule.Percent(10));
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private GatewayBroker _broker = null!;
    private SystemNode _node = null!;

    public async Task InitializeAsync()
    {
        _broker = await GatewayBroker.StartAsync();
        foreach (var (underlying, call) in Longs)
        {
            _broker.Hold(call, 2);
            _broker.Hold(underlying, 100, 100.00m, 100.10m);
        }

        var fast = GatewaySettings.Default with { PollInterval = TimeSpan.FromMilliseconds(200) };
        _node = await SystemNode.StartAsync(TestJournals.NewPostgres(), _broker, fast);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Eight_long_calls_through_their_stops_are_eight_sell_to_close_orders_and_no_short_anywhere()
    {
        foreach (var (_, call) in Longs)
        {
            var opened = await _node.Region.Ask<PositionProtocol.CommandAccepted>(
                new PositionProtocol.Open(call, call, PositionSide.Long, 2, 5.00m, TrailTenPercent, OpenOrigin.Adopted), Patience);
            Assert.Equal(PositionStatus.Open, opened.State.Status);
        }

        foreach (var (_, call) in Longs)
        {
            Tick(call, 8.00);          // peak 8.00, stop 7.20
            _broker.Host.Market.SetQuote(call, 7.00m, 7.10m);
            Tick(call, 7.00);          // through the stop
        }

        await AwaitAsync(async () =>
        {
            foreach (var (_, call) in Longs)
            {
                var view = await _node.Region.Ask<PositionProtocol.PositionView>(new PositionProtocol.GetState(call), Patience);
                Assert.Equal(PositionStatus.Closed, view.State.Status);
            }
        });

        var orders = _broker.Orders();
        Assert.Equal(8, orders.Count);
        Assert.All(orders, order =>
        {
            Assert.Contains(order.Symbol, Longs.Select(l => l.Call));
            Assert.Equal((OrderSide.Sell, PositionIntent.SellToClose, 2m, 2m), (order.Side, order.PositionIntent, order.Qty, order.FilledQty));
        });
        Assert.Equal(8, orders.Select(o => o.Symbol).Distinct().Count());
        var positions = _broker.Positions();
        Assert.DoesNotContain(positions, p => p.Position.Qty < 0);
        Assert.Equal(Longs.Select(l => l.Underlying).Order(), positions.Select(p => p.Position.Symbol).Order());
        Assert.All(positions, p => Assert.Equal((AssetClass.UsEquity, 100m), (p.Position.AssetClass, p.Position.Qty)));
    }

    private void Tick(string call, double bid) =>
        _node.Region.Tell(new PositionProtocol.PriceTick(call, new MarketQuote(call, bid, bid + 0.10, null, DateTimeOffset.UtcNow)));

    private static Task AwaitAsync(Func<Task> assertion) => Eventually.AssertAsync(assertion, Patience);
}
