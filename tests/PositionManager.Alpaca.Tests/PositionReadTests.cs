using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Tests;

public sealed class PositionReadTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "SPY250117P00450500";

    [Fact]
    public async Task A_held_long_is_read_for_exactly_its_symbol()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Hold(Put, 1);

        var position = await broker.Client().GetPositionAsync(Call, CancellationToken.None);

        Assert.Equal(new BrokerPositionView(Call, PositionSide.Long, 3m, 3m), position.Value);
    }

    [Fact]
    public async Task A_short_is_read_with_absolute_quantities_and_its_side()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Put, -2);

        var position = await broker.Client().GetPositionAsync(Put, CancellationToken.None);

        Assert.Equal(new BrokerPositionView(Put, PositionSide.Short, 2m, 2m), position.Value);
    }

    [Fact]
    public async Task A_symbol_the_broker_does_not_hold_reads_as_no_position()
    {
        // Alpaca answers 404 with {"code":40410000,"message":"position does not exist"}.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Put, 1);

        var position = await broker.Client().GetPositionAsync(Call, CancellationToken.None);

        Assert.True(position.IsSuccess, position.Failure?.Message);
        Assert.Null(position.Value);
    }

    [Fact]
    public async Task A_bare_404_from_a_wrong_base_url_is_malformed_not_flat()
    {
        // A 404 without Alpaca's error body is what a wrong path or a proxy answers; believing it
        // would make a held position look flat.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        var client = broker.Client(broker.SettingsWith(TestBroker.KeyId, TestBroker.Secret, new Uri(broker.Host.BaseUrl, "not-alpaca/")));

        var position = await client.GetPositionAsync(Call, CancellationToken.None);

        Assert.IsType<BrokerFailure.Malformed>(position.Failure);
    }

    [Fact]
    public async Task Listing_returns_options_and_stock_alike()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 2, 12.40m);
        broker.Hold(Put, -1, 8.10m);
        broker.Hold("AAPL", 100, 231.50m);
        broker.Quote(Call, 12.00m, 12.20m);

        var listed = await broker.Client().ListPositionsAsync(CancellationToken.None);

        Assert.True(listed.IsSuccess, listed.Failure?.Message);
        var bySymbol = listed.Value!.ToDictionary(p => p.Symbol);
        Assert.Equal(3, bySymbol.Count);
        var call = bySymbol[Call];
        Assert.True(call.IsOption);
        Assert.Equal((PositionSide.Long, 2m, 2m, 12.40m, 12.10m), (call.Side, call.Quantity, call.QuantityAvailable, call.AverageEntryPrice, call.CurrentPrice));
        Assert.Equal((PositionSide.Short, 1m), (bySymbol[Put].Side, bySymbol[Put].Quantity));
        var stock = bySymbol["AAPL"];
        Assert.False(stock.IsOption);
        Assert.Equal("us_equity", stock.AssetClass);
        Assert.Equal((PositionSide.Long, 100m, 231.50m), (stock.Side, stock.Quantity, stock.AverageEntryPrice));
    }

    [Fact]
    public async Task An_empty_account_lists_no_positions()
    {
        await using var broker = await TestBroker.StartAsync();

        var listed = await broker.Client().ListPositionsAsync(CancellationToken.None);

        Assert.True(listed.IsSuccess, listed.Failure?.Message);
        Assert.Empty(listed.Value!);
    }
}
