using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Tests;

/// <summary>The trade-updates stream against the PaperBroker's real websocket on loopback.</summary>
public sealed class TradeStreamTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Listening_comes_first_then_the_orders_updates_with_fill_details()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Quote(Call, 4.80m, 5.20m);
        await using var stream = RunningStream.Start(broker.Settings);
        await stream.Sink.NextAsync<SinkEvent.Listening>();

        var exit = AnExit.SellToClose(Call, 1);
        var placed = await broker.Client().SubmitOrderAsync(exit, CancellationToken.None);

        var created = await stream.Sink.NextUpdateAsync();
        var fill = await stream.Sink.NextUpdateAsync();
        Assert.Equal(("new", BrokerOrderStatus.Working), (created.Event, created.Order.Status));
        Assert.Equal("fill", fill.Event);
        Assert.Equal((4.80m, 1m, 2m), (fill.Price, fill.Quantity, fill.PositionQuantity));
        Assert.Equal(TestBroker.Start, fill.Timestamp);
        Assert.Equal(placed.Value!.Id, fill.Order.Id);
        Assert.Equal(exit.ClientOrderId, fill.Order.ClientOrderId);
        Assert.Equal((OrderSide.Sell, PositionIntent.SellToClose, BrokerOrderStatus.Filled, 1m), (fill.Order.Side, fill.Order.Intent, fill.Order.Status, fill.Order.FilledQuantity));
    }

    [Fact]
    public async Task A_dropped_stream_reconnects_and_listens_again()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Quote(Call, 4.80m, 5.20m);
        await using var stream = RunningStream.Start(broker.Settings);
        await stream.Sink.NextAsync<SinkEvent.Listening>();

        await broker.ControlAsync(HttpMethod.Post, "_paper/stream/drop");

        await stream.Sink.NextAsync<SinkEvent.Disconnected>();
        await stream.Sink.NextAsync<SinkEvent.Listening>();
        var exit = AnExit.SellToClose(Call, 1);
        await broker.Client().SubmitOrderAsync(exit, CancellationToken.None);
        Assert.Equal(exit.ClientOrderId, (await stream.Sink.NextUpdateAsync()).Order.ClientOrderId);
    }

    [Fact]
    public async Task A_stream_dropped_mid_updates_reconnects_after_each_drop()
    {
        // The broker drops the connection instead of sending its second update: updates are lost
        // with it, which is why the sink's owner polls orders after every OnListening.
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 3);
        broker.Quote(Call, 4.80m, 5.20m);
        await broker.ArmFaultsAsync("""{"drop_stream_after_updates":1}""");
        await using var stream = RunningStream.Start(broker.Settings);
        await stream.Sink.NextAsync<SinkEvent.Listening>();

        await broker.Client().SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);

        // The "new" sent just before the drop may be lost with the connection too (the broker
        // aborts without flushing); the fill certainly is.
        var beforeDrop = new List<string>();
        while (await stream.Sink.NextAsync<SinkEvent>() is SinkEvent.Update update)
        {
            beforeDrop.Add(update.Value.Event);
        }

        Assert.DoesNotContain("fill", beforeDrop);
        await stream.Sink.NextAsync<SinkEvent.Listening>();
    }

    [Fact]
    public async Task Wrong_keys_are_reported_as_unauthorized_and_the_stream_stops_when_cancelled()
    {
        await using var broker = await TestBroker.StartAsync();
        var logs = new CapturingLogger();
        const string wrongSecret = "wrong-stream-secret-Pp3";
        await using var stream = RunningStream.Start(broker.SettingsWith("PKWRONGSTREAM1", wrongSecret), logs);

        var refused = await stream.Sink.NextAsync<SinkEvent.Disconnected>();

        Assert.StartsWith("unauthorized", refused.Reason);
        await stream.StopAsync(); // returns although a long unauthorized backoff is pending
        Assert.Empty(stream.Sink.Drain());
        Assert.Contains("APCA_API_SECRET_KEY", logs.All);
        Assert.DoesNotContain(wrongSecret, logs.All + refused.Reason);
        Assert.DoesNotContain("PKWRONGSTREAM1", logs.All + refused.Reason);
    }

    [Fact]
    public async Task No_log_line_of_a_working_stream_carries_a_key()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Hold(Call, 1);
        broker.Quote(Call, 4.80m, 5.20m);
        var logs = new CapturingLogger();
        await using var stream = RunningStream.Start(broker.Settings, logs);
        await stream.Sink.NextAsync<SinkEvent.Listening>();
        await broker.Client().SubmitOrderAsync(AnExit.SellToClose(Call, 1), CancellationToken.None);
        await stream.Sink.NextUpdateAsync(); // new
        await stream.Sink.NextUpdateAsync(); // fill
        await broker.ControlAsync(HttpMethod.Post, "_paper/stream/drop");
        await stream.Sink.NextAsync<SinkEvent.Disconnected>();
        await stream.Sink.NextAsync<SinkEvent.Listening>();
        await stream.StopAsync();

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(TestBroker.Secret, logs.All);
        Assert.DoesNotContain(TestBroker.KeyId, logs.All);
    }

    [Fact]
    public async Task An_unreachable_stream_is_reported_down_and_retried()
    {
        var broker = await TestBroker.StartAsync();
        var settings = broker.Settings;
        await broker.DisposeAsync();
        await using var stream = RunningStream.Start(settings);

        await stream.Sink.NextAsync<SinkEvent.Disconnected>();
        await stream.Sink.NextAsync<SinkEvent.Disconnected>(); // a second attempt after the backoff
    }
}
