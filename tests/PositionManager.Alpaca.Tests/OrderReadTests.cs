using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

public sealed class OrderReadTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY250117P00450500";

    [Fact]
    public async Task An_order_is_found_by_its_client_order_id()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        var exit = AnExit.SellToClose(Call, 1);
        var placed = (await client.SubmitOrderAsync(exit, CancellationToken.None)).Value!;

        var found = await client.GetOrderByClientOrderIdAsync(exit.ClientOrderId, CancellationToken.None);

        Assert.True(found.IsSuccess, found.Failure?.Message);
        Assert.Equal(placed.Id, found.Value!.Id);
        Assert.Equal(exit.ClientOrderId, found.Value.ClientOrderId);
        Assert.NotNull(found.Value.UpdatedAt);
    }

    [Fact]
    public async Task An_unknown_client_order_id_reads_as_no_order()
    {
        await using var broker = await TestBroker.StartAsync();

        var found = await broker.Client().GetOrderByClientOrderIdAsync("pm-never-sent-1", CancellationToken.None);

        Assert.True(found.IsSuccess, found.Failure?.Message);
        Assert.Null(found.Value);
    }

    [Fact]
    public async Task Open_orders_are_listed_newest_first_without_filled_ones()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 5);
        broker.Hold(Put, 5);
        broker.Quote(Call, 4.80m, 5.20m);
        broker.Quote(Put, 2.00m, 2.10m);
        var client = broker.Client();
        var older = AnExit.SellToClose(Call, 1, limitPrice: 9.00m);
        var filled = AnExit.SellToClose(Put, 1);
        Assert.True((await client.SubmitOrderAsync(older, CancellationToken.None)).IsSuccess);
        broker.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await client.SubmitOrderAsync(filled, CancellationToken.None)).IsSuccess);
        broker.Clock.Advance(TimeSpan.FromSeconds(1));
        var newer = AnExit.SellToClose(Put, 1, limitPrice: 3.00m);
        Assert.True((await client.SubmitOrderAsync(newer, CancellationToken.None)).IsSuccess);

        var open = await client.ListOpenOrdersAsync(50, CancellationToken.None);

        Assert.True(open.IsSuccess, open.Failure?.Message);
        Assert.Equal([newer.ClientOrderId, older.ClientOrderId], open.Value!.Select(o => o.ClientOrderId));
        Assert.All(open.Value!, o => Assert.Equal(BrokerOrderStatus.Working, o.Status));
    }

    [Fact]
    public async Task The_open_order_list_honours_its_limit()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 5);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1, limitPrice: 9.00m + i), CancellationToken.None)).IsSuccess);
            broker.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var open = await client.ListOpenOrdersAsync(2, CancellationToken.None);

        Assert.Equal(2, open.Value!.Count);
    }
}
