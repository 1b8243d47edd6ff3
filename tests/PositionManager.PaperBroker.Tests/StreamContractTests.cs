using System.Net.WebSockets;
using System.Text.Json;
using PositionManager.PaperBroker.Tests.Support;

namespace PositionManager.PaperBroker.Tests;

public sealed class StreamContractTests
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public async Task Auth_and_listen_are_answered_in_binary_frames()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await StreamClient.ConnectAsync(broker.Host.StreamUrl);

        await client.SendAsync($$"""{"action":"auth","key":"{{TestBroker.KeyId}}","secret":"{{TestBroker.Secret}}"}""");
        var auth = await client.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Binary, client.LastMessageType);
        await client.SendAsync("""{"action":"listen","data":{"streams":["trade_updates"]}}""");
        var listening = await client.ReceiveAsync();

        Assert.Equal("authorization", auth.GetProperty("stream").GetString());
        Assert.Equal("authorized", auth.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal("authenticate", auth.GetProperty("data").GetProperty("action").GetString());
        Assert.Equal("listening", listening.GetProperty("stream").GetString());
        Assert.Equal("trade_updates", listening.GetProperty("data").GetProperty("streams")[0].GetString());
    }

    [Fact]
    public async Task Legacy_authenticate_message_is_accepted()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await StreamClient.ConnectAsync(broker.Host.StreamUrl);

        await client.SendAsync($$$"""{"action":"authenticate","data":{"key_id":"{{{TestBroker.KeyId}}}","secret_key":"{{{TestBroker.Secret}}}"}}""");

        Assert.Equal("authorized", (await client.ReceiveAsync()).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Wrong_keys_are_unauthorized()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await StreamClient.ConnectAsync(broker.Host.StreamUrl);

        await client.SendAsync("""{"action":"auth","key":"nope","secret":"nope"}""");

        Assert.Equal("unauthorized", (await client.ReceiveAsync()).GetProperty("data").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Order_changes_arrive_as_trade_updates_with_fill_details()
    {
        await using var broker = await TestBroker.StartAsync();
        broker.Host.Account.SeedPosition(Call, 3, 5m);
        broker.Host.Market.SetQuote(Call, 4.80m, 5.20m);
        await using var client = await StreamClient.ListeningAsync(broker.Host.StreamUrl);

        var order = await broker.SubmitAsync(Call, 1, "sell", "sell_to_close", "stream-1");
        var created = await client.ReceiveAsync();
        var fill = await client.ReceiveAsync();

        Assert.Equal("trade_updates", created.GetProperty("stream").GetString());
        Assert.Equal("new", created.GetProperty("data").GetProperty("event").GetString());
        var data = fill.GetProperty("data");
        Assert.Equal("fill", data.GetProperty("event").GetString());
        JsonAssert.HasFields(data, "timestamp", "at", "event_id", "execution_id");
        Assert.Equal("4.80", data.GetProperty("price").GetString());
        Assert.Equal("1", data.GetProperty("qty").GetString());
        Assert.Equal("2", data.GetProperty("position_qty").GetString());
        var streamedOrder = data.GetProperty("order");
        Assert.Equal(order.Str("id"), streamedOrder.GetProperty("id").GetString());
        Assert.Equal("stream-1", streamedOrder.GetProperty("client_order_id").GetString());
        Assert.Equal("filled", streamedOrder.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, streamedOrder.GetProperty("filled_qty").ValueKind);
    }

    [Fact]
    public async Task Partial_fill_and_cancel_events_are_streamed()
    {
        await using var broker = await TestBroker.StartAsync(o => (o.Fills.FillDelay, o.Fills.PartialFillQty) = (TimeSpan.FromSeconds(1), 1));
        broker.Host.Account.SeedPosition(Call, 3, 5m);
        await using var client = await StreamClient.ListeningAsync(broker.Host.StreamUrl);
        var order = await broker.SubmitAsync(Call, 3, "sell", "sell_to_close");

        broker.Host.Advance(TimeSpan.FromSeconds(1));
        var partial = await client.ReceiveEventAsync("partial_fill");
        await broker.DeleteAsync($"v2/orders/{order.Str("id")}");
        var canceled = await client.ReceiveEventAsync("canceled");

        Assert.Equal("2", partial.GetProperty("data").GetProperty("position_qty").GetString());
        Assert.Equal("partially_filled", partial.GetProperty("data").GetProperty("order").GetProperty("status").GetString());
        Assert.Equal("1", canceled.GetProperty("data").GetProperty("order").GetProperty("filled_qty").GetString());
    }

    [Fact]
    public async Task Dropping_streams_aborts_every_open_connection()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await StreamClient.ListeningAsync(broker.Host.StreamUrl);

        var dropped = await broker.PostAsync("_paper/stream/drop", "{}");

        Assert.Equal(1, dropped.Body.GetProperty("count").GetInt32());
        await Assert.ThrowsAnyAsync<WebSocketException>(client.ReceiveAsync);
    }

    [Fact]
    public async Task Configured_drop_aborts_a_connection_after_n_updates()
    {
        await using var broker = await TestBroker.StartAsync(o => (o.Faults.DropStreamAfterUpdates, o.Fills.FillDelay) = (1, TimeSpan.FromSeconds(1)));
        await using var client = await StreamClient.ListeningAsync(broker.Host.StreamUrl);

        await broker.SubmitAsync("AAPL", 1, "buy");
        var first = await client.ReceiveAsync();
        broker.Host.Advance(TimeSpan.FromSeconds(1)); // the fill: its update is lost with the connection

        Assert.Equal("new", first.GetProperty("data").GetProperty("event").GetString());
        await Assert.ThrowsAnyAsync<WebSocketException>(client.ReceiveAsync);
    }
}
