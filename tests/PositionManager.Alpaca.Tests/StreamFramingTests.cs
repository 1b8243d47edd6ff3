using System.Net.WebSockets;
using PositionManager.Alpaca.Tests.Support;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// What a live Alpaca stream may do and the PaperBroker does not: text frames, messages split over
/// several frames, a malformed update among good ones, an error action before it closes.
/// </summary>
public sealed class StreamFramingTests
{
    private const string Order = """
        {"id":"904837e3-3b76-47ec-b432-046db621571b","client_order_id":"pm-1","symbol":"GOOGL260220C00340000",
         "side":"sell","position_intent":"sell_to_close","qty":"2","filled_qty":"1","filled_avg_price":"4.80","status":"partially_filled"}
        """;

    [Fact]
    public async Task Fragmented_text_and_binary_messages_are_read_whole_and_a_malformed_update_is_skipped()
    {
        var auth = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedStreamServer.StartAsync(async socket =>
        {
            auth.TrySetResult(await ScriptedStreamServer.ReceiveAsync(socket));
            await ScriptedStreamServer.SendAsync(socket, """{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}""", WebSocketMessageType.Text, frameBytes: 7);
            await ScriptedStreamServer.ReceiveAsync(socket);
            await ScriptedStreamServer.SendAsync(socket, """{"stream":"listening","data":{"streams":["trade_updates"]}}""", WebSocketMessageType.Binary, frameBytes: 5);
            await ScriptedStreamServer.SendAsync(socket, """{"stream":"trade_updates","data":{"event":"fill","order":{"id":"no-side"}}}""", WebSocketMessageType.Text);
            await ScriptedStreamServer.SendAsync(socket, $$$"""{"stream":"trade_updates","data":{"event":"partial_fill","price":"4.80","qty":"1","position_qty":"1","order":{{{Order}}}}}""", WebSocketMessageType.Text, frameBytes: 16);
            await ScriptedStreamServer.SendAsync(socket, """{"action":"error","data":{"error_message":"internal error"}}""", WebSocketMessageType.Binary);
            await ScriptedStreamServer.ReceiveAsync(socket); // hold the connection until the client leaves
        });
        var logs = new CapturingLogger();
        await using var stream = RunningStream.Start(new AlpacaSettings("PKFRAMES", "frames-secret-Kk2", new Uri("http://127.0.0.1:9/"), streamUrl: server.StreamUrl), logs);

        await stream.Sink.NextAsync<SinkEvent.Listening>();
        var update = await stream.Sink.NextUpdateAsync();
        var down = await stream.Sink.NextAsync<SinkEvent.Disconnected>();

        Assert.Equal(("partial_fill", 4.80m, "pm-1"), (update.Event, update.Price, update.Order.ClientOrderId));
        Assert.Equal("stream error: internal error", down.Reason);
        Assert.Contains(logs.Lines, l => l.Contains("skipped", StringComparison.Ordinal) && l.Contains("no-side", StringComparison.Ordinal));
        Assert.Equal("""{"action":"auth","key":"PKFRAMES","secret":"frames-secret-Kk2"}""", await auth.Task);
    }
}
