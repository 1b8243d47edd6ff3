using System.Net;
using PositionManager.Alpaca.Tests.Support;
using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Tests;

/// <summary>
/// docs/DESIGN.md invariant 8: an answer we cannot fully read is Malformed, never a default. The
/// PaperBroker always answers well-formed JSON, so these bodies come from a stub handler.
/// </summary>
public sealed class MalformedAnswerTests
{
    private const string Call = "GOOGL260220C00340000";
    private const string Cid = "pm-GOOGL260220C00340000-0badc0de-1";

    private static readonly AlpacaSettings Settings = new("PKSTUBKEY", "stub-secret", new Uri("http://127.0.0.1:9/"));

    public static TheoryData<string, string> MalformedOrders => new()
    {
        { "no id", Order(id: null) },
        { "unknown side", Order(side: "\"sell_short\"") },
        { "non-numeric qty", Order(qty: "\"ten\"") },
        { "missing qty", Order(qty: null) },
        { "unknown status", Order(status: "\"mostly_filled\"") },
        { "unknown position_intent", Order(intent: "\"sell_to_flip\"") },
        { "not JSON", "<html>Service Unavailable</html>" },
        { "empty body", "" },
        { "JSON null", "null" },
        { "another order's client_order_id", Order(cid: "\"pm-someone-else\"") },
    };

    [Theory]
    [MemberData(nameof(MalformedOrders))]
    public async Task An_unreadable_submit_answer_is_malformed(string problem, string body)
    {
        var client = Client(HttpStatusCode.OK, body);

        var placed = await client.SubmitOrderAsync(AnExit.SellToClose(Call, 1, Cid), CancellationToken.None);

        Assert.True(placed.Failure is BrokerFailure.Malformed, $"{problem}: {placed.Failure?.ToString() ?? "success"}");
    }

    [Fact]
    public async Task A_well_formed_order_is_read_field_by_field()
    {
        var client = Client(HttpStatusCode.OK, Order());

        var found = await client.GetOrderByClientOrderIdAsync(Cid, CancellationToken.None);

        Assert.True(found.IsSuccess, found.Failure?.Message);
        var order = found.Value!;
        Assert.Equal(("61e69015-8549-4bfd-b9c3-01e75843f47d", 2m, 1m, 4.95m, BrokerOrderStatus.PartiallyFilled), (order.Id, order.Quantity, order.FilledQuantity, order.FilledAveragePrice, order.Status));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 0, 1, 123, 456, TimeSpan.Zero), order.UpdatedAt);
    }

    [Theory]
    [InlineData("no side", """{"symbol":"GOOGL260220C00340000","asset_class":"us_option","qty":"1","qty_available":"1","avg_entry_price":"5.00"}""")]
    [InlineData("no qty_available", """{"symbol":"GOOGL260220C00340000","asset_class":"us_option","side":"long","qty":"1","avg_entry_price":"5.00"}""")]
    [InlineData("negative qty on a long", """{"symbol":"GOOGL260220C00340000","asset_class":"us_option","side":"long","qty":"-1","qty_available":"-1","avg_entry_price":"5.00"}""")]
    [InlineData("more available than held", """{"symbol":"GOOGL260220C00340000","asset_class":"us_option","side":"long","qty":"1","qty_available":"3","avg_entry_price":"5.00"}""")]
    [InlineData("comma decimal", """{"symbol":"GOOGL260220C00340000","asset_class":"us_option","side":"long","qty":"1,5","qty_available":"1","avg_entry_price":"5.00"}""")]
    [InlineData("another symbol", """{"symbol":"GOOGL","asset_class":"us_equity","side":"long","qty":"100","qty_available":"100","avg_entry_price":"5.00"}""")]
    public async Task An_unreadable_position_is_malformed(string problem, string body)
    {
        var client = Client(HttpStatusCode.OK, body);

        var position = await client.GetPositionAsync(Call, CancellationToken.None);

        Assert.True(position.Failure is BrokerFailure.Malformed, $"{problem}: {position.Failure?.ToString() ?? "success"}");
    }

    [Fact]
    public async Task One_bad_position_fails_the_whole_list()
    {
        // A list without the bad entry could hide a position from the reconciler.
        var client = Client(HttpStatusCode.OK, """
            [{"symbol":"AAPL","asset_class":"us_equity","side":"long","qty":"100","qty_available":"100","avg_entry_price":"231.50"},
             {"symbol":"GOOGL260220C00340000","asset_class":"us_option","side":"sideways","qty":"1","qty_available":"1","avg_entry_price":"5.00"}]
            """);

        var listed = await client.ListPositionsAsync(CancellationToken.None);

        var malformed = Assert.IsType<BrokerFailure.Malformed>(listed.Failure);
        Assert.Contains("sideways", malformed.Message);
    }

    [Fact]
    public async Task A_list_that_is_not_an_array_is_malformed()
    {
        var client = Client(HttpStatusCode.OK, """{"orders":[]}""");

        Assert.IsType<BrokerFailure.Malformed>((await client.ListOpenOrdersAsync(10, CancellationToken.None)).Failure);
    }

    private static AlpacaBrokerClient Client(HttpStatusCode status, string body) =>
        new(new HttpClient(new StubHandler(status, body)), Settings, TimeProvider.System);

    private static string Order(
        string? id = "\"61e69015-8549-4bfd-b9c3-01e75843f47d\"",
        string? cid = $"\"{Cid}\"",
        string? side = "\"sell\"",
        string? qty = "\"2\"",
        string? status = "\"partially_filled\"",
        string? intent = "\"sell_to_close\"")
    {
        var fields = new List<string>
        {
            "\"symbol\":\"GOOGL260220C00340000\",\"asset_class\":\"us_option\",\"order_class\":\"\",\"type\":\"market\"",
            "\"time_in_force\":\"day\",\"filled_qty\":\"1\",\"filled_avg_price\":\"4.95\"",
            "\"updated_at\":\"2026-11-24T15:00:01.123456Z\",\"legs\":null",
        };
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add($"\"{name}\":{value}");
            }
        }

        Add("id", id);
        Add("client_order_id", cid);
        Add("side", side);
        Add("qty", qty);
        Add("status", status);
        Add("position_intent", intent);
        return "{" + string.Join(",", fields) + "}";
    }
}
