using System.Text.Json;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Symbols;
using PositionManager.IntegrationTests.Admin;
using PositionManager.Node.Hosting;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Issue 16's acceptance, each through README's node (SQLite journal, the embedded PaperBroker)
/// configured only with the setting names an operator writes: a rule per underlying, scale-outs,
/// and the close before expiry. The embedded account starts empty and is given the contracts.
/// </summary>
public sealed class PolicyAcceptanceTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("pm-policy-acceptance-");
    private PositionManagerNode? _node;

    private PaperAccount Account => _node!.Broker.Embedded!.Account;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task A_rule_for_SPY_trailing_5_percent_beside_a_default_of_20_sells_only_the_SPY_contract_on_a_6_percent_fall()
    {
        const string spy = "SPY271217C00600000";
        const string qqq = "QQQ271217C00500000";
        await StartAsync(new()
        {
            ["PositionManager:ExitPolicy:TrailingStopPercent"] = "20",
            ["PositionManager:Policies:0:Name"] = "spy-tight",
            ["PositionManager:Policies:0:Underlyings"] = "SPY",
            ["PositionManager:Policies:0:TrailingStopPercent"] = "5",
        });
        Hold(spy, 2, bid: 5.00m);
        Hold(qqq, 2, bid: 5.00m);
        await Eventually.AssertAsync(
            async () =>
            {
                Assert.Equal(4.75m, (await ShowAsync(spy)).GetProperty("position").GetProperty("stop").GetDecimal());
                Assert.Equal(4.00m, (await ShowAsync(qqq)).GetProperty("position").GetProperty("stop").GetDecimal());
            },
            Patience);
        Assert.Equal("spy-tight", (await ShowAsync(spy)).GetProperty("ruleName").GetString());
        Assert.Equal("default", (await ShowAsync(qqq)).GetProperty("ruleName").GetString());

        Quote(spy, 4.70m);
        Quote(qqq, 4.70m);

        await Eventually.AssertAsync(async () => Assert.Equal("Closed", (await ShowAsync(spy)).GetProperty("position").GetProperty("status").GetString()), Patience);
        // The QQQ position has seen the same fall (its last watched price) and kept its 20% stop.
        await Eventually.AssertAsync(async () => Assert.Equal(4.70m, (await ShowAsync(qqq)).GetProperty("position").GetProperty("lastPrice").GetDecimal()), Patience);
        var order = Assert.Single(Account.ListOrders("all", 100));
        Assert.Equal((spy, OrderSide.Sell, PositionIntent.SellToClose, 2m), (order.Symbol, order.Side, order.PositionIntent, order.Qty));
        var qqqNow = (await ShowAsync(qqq)).GetProperty("position");
        Assert.Equal(("Open", 2, 4.00m), (qqqNow.GetProperty("status").GetString(), qqqNow.GetProperty("quantity").GetInt32(), qqqNow.GetProperty("stop").GetDecimal()));
    }

    [Fact]
    public async Task ScaleOuts_50_50_on_10_contracts_at_52_percent_sells_5_and_5_stay_under_management()
    {
        const string call = "AAPL271217C00250000";
        await StartAsync(new()
        {
            ["PositionManager:ExitPolicy:TrailingStopPercent"] = "",
            ["PositionManager:ExitPolicy:ScaleOuts"] = "50:50",
        });
        Hold(call, 10, bid: 5.00m);
        await Eventually.AssertAsync(async () => Assert.Equal("Open", (await ShowAsync(call)).GetProperty("position").GetProperty("status").GetString()), Patience);

        Quote(call, 7.60m);

        await Eventually.AssertAsync(
            async () =>
            {
                var position = (await ShowAsync(call)).GetProperty("position");
                Assert.Equal(5, position.GetProperty("quantity").GetInt32());
                Assert.Equal(JsonValueKind.Null, position.GetProperty("pendingExit").ValueKind);
            },
            Patience);
        var order = Assert.Single(Account.ListOrders("all", 100));
        Assert.Equal((call, OrderSide.Sell, PositionIntent.SellToClose, 5m, 5m), (order.Symbol, order.Side, order.PositionIntent, order.Qty, order.FilledQty));
        Assert.Equal(5m, Account.Positions().Single(p => p.Position.Symbol == call).Position.Qty);
        Assert.Equal("Open", (await ShowAsync(call)).GetProperty("position").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_contract_expiring_tomorrow_with_ExitDaysBeforeExpiry_1_is_closed_whole_in_one_order()
    {
        var tomorrow = Domain.Market.NewYorkTime.DateOf(DateTimeOffset.UtcNow).AddDays(1);
        var put = $"IWM{tomorrow:yyMMdd}P00200000";
        await StartAsync(new()
        {
            ["PositionManager:ExitPolicy:TrailingStopPercent"] = "",
            ["PositionManager:ExitPolicy:StopLossPercent"] = "50",
            ["PositionManager:ExitPolicy:ExitDaysBeforeExpiry"] = "1",
        });
        Hold(put, 3, bid: 2.00m);

        await Eventually.AssertAsync(async () => Assert.Equal("Closed", (await ShowAsync(put)).GetProperty("position").GetProperty("status").GetString()), Patience);

        var order = Assert.Single(Account.ListOrders("all", 100));
        Assert.Equal((put, OrderSide.Sell, PositionIntent.SellToClose, 3m), (order.Symbol, order.Side, order.PositionIntent, order.Qty));
        Assert.True(OptionSymbol.TryParse(order.Symbol, out _, out _));
    }

    private async Task StartAsync(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>
        {
            ["APCA_API_KEY_ID"] = "",
            ["PaperBroker:SeedDemoAccount"] = "false",
            ["PositionManager:DataDirectory"] = _directory.FullName,
            ["PositionManager:Console:Watch"] = "false",
            ["PositionManager:Admin:Url"] = "http://127.0.0.1:0",
            ["PositionManager:Reconcile:Interval"] = "00:00:01",
            // The demo's layer watches the mid; these figures are on the bid an exit gets.
            ["PositionManager:ExitPolicy:PriceSource"] = "bid",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        _node = await PositionManagerNode.StartAsync([], all);
    }

    private void Hold(string symbol, int quantity, decimal bid)
    {
        Quote(symbol, bid);
        Account.SeedPosition(symbol, quantity, bid);
    }

    private void Quote(string symbol, decimal bid) => _node!.Broker.Embedded!.Market.SetQuote(symbol, bid, bid + 0.10m);

    private async Task<JsonElement> ShowAsync(string symbol)
    {
        var run = await Pmctl.RunRaw(["--node", _node!.AdminUrl.ToString().TrimEnd('/'), "position", "show", symbol, "--json"]);
        return run.Json();
    }
}
