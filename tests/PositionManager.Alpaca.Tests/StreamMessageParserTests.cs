using System.Text;
using PositionManager.Alpaca.Streaming;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// Trade-stream messages the PaperBroker never sends (malformed ones, Alpaca's error action),
/// read by the same parser the stream uses.
/// </summary>
public sealed class StreamMessageParserTests
{
    private const string GoodOrder = """
        {"id":"904837e3-3b76-47ec-b432-046db621571b","client_order_id":"pm-GOOGL260220C00340000-0badc0de-1",
         "symbol":"GOOGL260220C00340000","side":"sell","position_intent":"sell_to_close","qty":"2","filled_qty":"2",
         "filled_avg_price":"4.80","status":"filled","updated_at":"2026-11-24T15:00:00.5Z"}
        """;

    [Fact]
    public void A_fill_is_read_with_its_order_and_string_decimals()
    {
        var message = Parse($$$"""{"stream":"trade_updates","data":{"event":"fill","timestamp":"2026-11-24T15:00:00.123456789Z","price":"4.80","qty":"2","position_qty":"0","execution_id":"x","order":{{{GoodOrder}}}}}""");

        var update = Assert.IsType<StreamMessage.Update>(message).Value;
        Assert.Equal(("fill", 4.80m, 2m, 0m), (update.Event, update.Price, update.Quantity, update.PositionQuantity));
        Assert.Equal(BrokerOrderStatus.Filled, update.Order.Status);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), update.Timestamp);
    }

    [Theory]
    [InlineData("order without id", """{"stream":"trade_updates","data":{"event":"fill","order":{"client_order_id":"a","symbol":"S","side":"sell","qty":"1","filled_qty":"1","status":"filled"}}}""")]
    [InlineData("unknown side", """{"stream":"trade_updates","data":{"event":"fill","order":{"id":"1","client_order_id":"a","symbol":"S","side":"short","qty":"1","filled_qty":"1","status":"filled"}}}""")]
    [InlineData("non-numeric price", """{"stream":"trade_updates","data":{"event":"fill","price":"4,80","order":{"id":"1","client_order_id":"a","symbol":"S","side":"sell","qty":"1","filled_qty":"1","status":"filled"}}}""")]
    [InlineData("no order", """{"stream":"trade_updates","data":{"event":"fill"}}""")]
    [InlineData("no event", """{"stream":"trade_updates","data":{"order":{"id":"1","client_order_id":"a","symbol":"S","side":"sell","qty":"1","filled_qty":"1","status":"filled"}}}""")]
    [InlineData("not JSON", "trade_updates: fill")]
    [InlineData("no stream", """{"data":{}}""")]
    [InlineData("unknown authorization status", """{"stream":"authorization","data":{"status":"maybe"}}""")]
    public void A_malformed_message_is_reported_as_such_not_defaulted(string problem, string json)
    {
        Assert.True(Parse(json) is StreamMessage.Malformed, problem);
    }

    [Fact]
    public void Authorization_listening_and_error_are_told_apart()
    {
        Assert.Equal(new StreamMessage.Authorization(true, "authorized"), Parse("""{"stream":"authorization","data":{"status":"authorized","action":"authenticate"}}"""));
        Assert.Equal(new StreamMessage.Authorization(false, "unauthorized"), Parse("""{"stream":"authorization","data":{"status":"unauthorized","action":"authenticate"}}"""));
        Assert.Equal(["trade_updates"], Assert.IsType<StreamMessage.Listening>(Parse("""{"stream":"listening","data":{"streams":["trade_updates"]}}""")).Streams);
        Assert.Equal(new StreamMessage.Error("auth timeout"), Parse("""{"action":"error","data":{"error_message":"auth timeout"}}"""));
        Assert.Equal(new StreamMessage.Other("account_updates"), Parse("""{"stream":"account_updates","data":{}}"""));
    }

    private static StreamMessage Parse(string json) => StreamMessageParser.Parse(Encoding.UTF8.GetBytes(json));
}
