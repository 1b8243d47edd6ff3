using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Tests;

public sealed class SubmitOrderTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Sell_to_close_of_a_held_long_is_placed_and_leaves_the_position_flat()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        var exit = AnExit.SellToClose(Call, 2);

        var placed = await client.SubmitOrderAsync(exit, CancellationToken.None);

        Assert.True(placed.IsSuccess, placed.Failure?.Message);
        var order = placed.Value!;
        Assert.False(string.IsNullOrEmpty(order.Id));
        Assert.Equal(exit.ClientOrderId, order.ClientOrderId);
        Assert.Equal(Call, order.Symbol);
        Assert.Equal(OrderSide.Sell, order.Side);
        Assert.Equal(PositionIntent.SellToClose, order.Intent);
        Assert.Equal(2m, order.Quantity);

        // The submit answer shows the order as accepted; the fill is seen on the next read.
        var after = await client.GetOrderByClientOrderIdAsync(exit.ClientOrderId, CancellationToken.None);
        Assert.Equal(BrokerOrderStatus.Filled, after.Value!.Status);
        Assert.Equal(2m, after.Value.FilledQuantity);
        Assert.Equal(4.80m, after.Value.FilledAveragePrice);
        var position = await client.GetPositionAsync(Call, CancellationToken.None);
        Assert.True(position.IsSuccess, position.Failure?.Message);
        Assert.Null(position.Value);
    }

    [Fact]
    public async Task Sell_to_close_against_a_long_the_broker_no_longer_holds_is_rejected_instead_of_opening_a_short()
    {
        // The gateway's view (long 1) is stale: the broker holds nothing. Without position_intent on
        // the wire the broker would infer sell_to_open and open a short; with it, it refuses.
        await using var broker = await TestBroker.StartAsync();
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);

        var rejected = Assert.IsType<BrokerFailure.Rejected>(placed.Failure);
        Assert.Equal(403, rejected.HttpStatus);
        Assert.Contains("position intent mismatch", rejected.Message);
        Assert.Empty((await client.ListPositionsAsync(CancellationToken.None)).Value!);
    }

    [Fact]
    public async Task Buy_to_close_of_a_short_is_placed_with_its_intent()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, -3);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();

        var placed = await client.SubmitOrderAsync(AnExit.BuyToClose(Call, 3), CancellationToken.None);

        Assert.Equal(OrderSide.Buy, placed.Value!.Side);
        Assert.Equal(PositionIntent.BuyToClose, placed.Value.Intent);
        Assert.Null((await client.GetPositionAsync(Call, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task A_limit_exit_above_the_bid_rests_open_with_its_price()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1, limitPrice: 9.10m), CancellationToken.None);

        Assert.Equal(BrokerOrderStatus.Working, placed.Value!.Status);
        Assert.Equal("new", placed.Value.StatusText);
        var held = (await client.GetPositionAsync(Call, CancellationToken.None)).Value!;
        Assert.Equal(3m, held.Quantity);
        Assert.Equal(2m, held.QuantityAvailable); // one contract is reserved by the resting exit
    }

    [Fact]
    public async Task A_second_submit_with_the_same_client_order_id_is_a_duplicate_rejection()
    {
        // docs/ALPACA.md: 422 for a duplicate client_order_id. The PaperBroker answers 422 40010001
        // "client_order_id must be unique", which is what IsDuplicateClientOrderId recognises.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        var exit = AnExit.SellToClose(Call, 1);
        Assert.True((await client.SubmitOrderAsync(exit, CancellationToken.None)).IsSuccess);

        var again = await client.SubmitOrderAsync(exit, CancellationToken.None);

        var rejected = Assert.IsType<BrokerFailure.Rejected>(again.Failure);
        Assert.Equal(422, rejected.HttpStatus);
        Assert.Equal(40010001, rejected.Code);
        Assert.True(rejected.IsDuplicateClientOrderId);
        Assert.Equal(2m, (await client.GetPositionAsync(Call, CancellationToken.None)).Value!.Quantity);
    }

    [Fact]
    public async Task Selling_more_than_the_broker_holds_is_rejected_with_its_code_and_message()
    {
        // The gateway saw 5 held; the broker holds 1 by the time the order arrives.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 2, viewHeld: 5), CancellationToken.None);

        var rejected = Assert.IsType<BrokerFailure.Rejected>(placed.Failure);
        Assert.Equal(403, rejected.HttpStatus);
        Assert.Equal(40310000, rejected.Code);
        Assert.Equal("insufficient qty available for order (requested: 2, available: 1)", rejected.Message);
        Assert.False(rejected.IsDuplicateClientOrderId);
    }
}
