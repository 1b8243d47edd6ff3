using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary><c>DELETE /v2/orders/{id}</c> against the real PaperBroker over loopback HTTP, failures mapped as every other call's.</summary>
public sealed class CancelOrderTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task A_resting_limit_is_cancelled_and_what_filled_of_it_stays_filled()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        var resting = AnExit.SellToClose(Call, 2, limitPrice: 9.00m);
        var placed = (await client.SubmitOrderAsync(resting, CancellationToken.None)).Value!;

        var cancel = await client.CancelOrderAsync(placed.Id, CancellationToken.None);
        var after = (await client.GetOrderByClientOrderIdAsync(resting.ClientOrderId, CancellationToken.None)).Value!;

        Assert.True(cancel.IsSuccess, cancel.Failure?.Message);
        Assert.Equal(placed.Id, cancel.Value!.BrokerOrderId);
        Assert.Equal(BrokerOrderStatus.Canceled, after.Status);
        Assert.Equal(0m, after.FilledQuantity);
        var held = (await client.GetPositionAsync(Call, CancellationToken.None)).Value!;
        Assert.Equal((2m, 2m), (held.Quantity, held.QuantityAvailable)); // nothing sold, nothing held for orders any more
    }

    [Fact]
    public async Task A_cancel_of_a_filled_order_is_rejected_422_and_of_an_unknown_one_404()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2);
        broker.Quote(Call, 4.80m, 5.20m);
        var client = broker.Client();
        var filled = (await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None)).Value!;

        var late = await client.CancelOrderAsync(filled.Id, CancellationToken.None);
        var unknown = await client.CancelOrderAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        Assert.Equal(422, Assert.IsType<BrokerFailure.Rejected>(late.Failure).HttpStatus);
        Assert.Equal(404, Assert.IsType<BrokerFailure.Rejected>(unknown.Failure).HttpStatus);
        Assert.Equal(1m, (await client.GetPositionAsync(Call, CancellationToken.None)).Value!.Quantity);
    }

    [Fact]
    public async Task A_5xx_on_a_cancel_is_transient_since_asking_again_is_harmless()
    {
        await using var broker = await TestBroker.StartAsync();
        await broker.ArmFaultsAsync("""{"server_error_next":1,"server_error_status":503}""");

        var cancel = await broker.Client().CancelOrderAsync(Guid.NewGuid().ToString(), CancellationToken.None);

        Assert.IsType<BrokerFailure.Transient>(cancel.Failure);
    }
}
