using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

/// <summary>The account's orders of some symbols (a test's view), and the open listing, both without scanning every order.</summary>
public sealed class OrdersBySymbolTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Put = "GOOGL260220P00300000";

    [Fact]
    public async Task Orders_of_some_symbols_are_those_orders_only_oldest_first_and_the_open_listing_is_newest_first()
    {
        await using var broker = await TestBroker.StartAsync(o => o.Fills.FillDelay = TimeSpan.FromSeconds(1));
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);
        broker.Host.Market.SetQuote(Put, 2.80m, 3.20m);
        broker.Host.Account.SeedPosition(Call, 3, 5m);
        broker.Host.Account.SeedPosition(Put, 3, 3m);

        var firstCall = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");
        var stock = await broker.SubmitAsync("AAPL", 10, "buy");
        broker.Host.Advance(TimeSpan.FromSeconds(1));
        var put = await broker.SubmitAsync(Put, 1, "sell", "sell_to_close");
        var secondCall = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close");

        var ofOptions = broker.Host.Account.OrdersOf([Put, Call, Call]);
        Assert.Equal([firstCall.Str("id"), put.Str("id"), secondCall.Str("id")], ofOptions.Select(o => o.Id.ToString()));
        Assert.Empty(broker.Host.Account.OrdersOf(["MSFT260220C00500000"]));

        // The first two filled at the step; the last two are open, newest first as Alpaca lists them.
        Assert.Equal([secondCall.Str("id"), put.Str("id")], broker.Host.Account.ListOrders("open", 50).Select(o => o.Id.ToString()));
        Assert.Equal([stock.Str("id"), firstCall.Str("id")], broker.Host.Account.ListOrders("closed", 50).Select(o => o.Id.ToString()));
    }
}
