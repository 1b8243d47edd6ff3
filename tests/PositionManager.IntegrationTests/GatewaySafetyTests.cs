using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.IntegrationTests.Support;
using Xunit.Abstractions;

namespace PositionManager.IntegrationTests;

/// <summary>
/// docs/DESIGN.md's safety invariants 1-4 at the gateway, over real HTTP: a refused intent names every
/// rule it broke, reaches its position as a rejection, and sends nothing to the broker.
/// </summary>
public sealed class GatewaySafetyTests(ITestOutputHelper output) : GatewaySpec(output)
{
    private const string Call = "GOOGL260220C00340000";

    [Fact]
    public void A_sell_to_close_of_a_held_long_call_is_one_order_on_the_option_symbol_and_leaves_the_account_flat()
    {
        Broker.Hold(Call, 3);
        Broker.Hold("GOOGL", 100, 180.00m, 180.10m);
        var gateway = StartGateway();
        var intent = Close(Call, 3);

        Submit(gateway, intent);

        var submitted = ExpectOutcome<OrderOutcome.Submitted>(Call);
        var fill = ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        var order = Assert.Single(Broker.Orders());
        Assert.Equal(intent.IntentId, submitted.ClientOrderId);
        Assert.Equal((Call, "sell", PositionIntent.SellToClose, 3m), (order.Symbol, order.Side.ToString().ToLowerInvariant(), order.PositionIntent, order.Qty));
        Assert.Equal(3, fill.CumulativeFilledQuantity);
        Assert.Equal(0m, Broker.Held(Call));
        Assert.Equal(100m, Broker.Held("GOOGL"));
    }

    [Fact]
    public void An_intent_with_a_limit_price_becomes_a_day_limit_order_at_that_price()
    {
        Broker.Hold(Call, 2, bid: 4.90m, ask: 5.10m);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 2) with { LimitPrice = 4.80m });

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        var order = Assert.Single(Broker.Orders());
        Assert.Equal((PaperBroker.Accounts.PaperOrderType.Limit, 4.80m, "day"), (order.Type, order.LimitPrice, order.TimeInForce));
    }

    [Fact]
    public void A_limit_price_in_fractions_of_a_cent_is_refused()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 2) with { LimitPrice = 4.805m });

        ExpectRefusal(Call, nameof(RuleCode.InvalidLimitPrice));
        Assert.Empty(Broker.Orders());
    }

    [Fact]
    public void A_submission_the_broker_refuses_with_403_is_refused_once_with_the_brokers_words()
    {
        Broker.Hold(Call, 2);
        Broker.Host.Faults.RejectNextOrders(1, message: "insufficient qty available for order");
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 2));

        var refusal = ExpectRefusal(Call, "BrokerRejected");
        Assert.Contains("insufficient qty available for order", refusal.Reason, StringComparison.Ordinal);
        Assert.Empty(Broker.Orders());
        Assert.Equal(2m, Broker.Held(Call));
    }

    [Fact]
    public void Invariant_1_the_underlying_ticker_is_refused_and_the_stock_is_untouched()
    {
        Broker.Hold("GOOGL", 100, 180.00m, 180.10m);
        var gateway = StartGateway();

        Submit(gateway, Close("GOOGL", 1));

        ExpectRefusal("GOOGL", nameof(RuleCode.NotAnOptionSymbol));
        Assert.Empty(Broker.Orders());
        Assert.Equal(100m, Broker.Held("GOOGL"));
    }

    [Theory]
    [InlineData(OrderSide.Sell, PositionIntent.SellToOpen, nameof(RuleCode.OpeningIntent))]
    [InlineData(OrderSide.Buy, PositionIntent.BuyToOpen, nameof(RuleCode.OpeningIntent))]
    [InlineData(OrderSide.Buy, PositionIntent.SellToClose, nameof(RuleCode.SideIntentMismatch))]
    public void Invariants_2_and_3_opening_intents_and_mismatched_sides_are_refused(OrderSide side, PositionIntent intent, string rule)
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 1, side, intent));

        ExpectRefusal(Call, rule);
        Assert.Empty(Broker.Orders());
        Assert.Equal(2m, Broker.Held(Call));
    }

    [Fact]
    public void Invariant_4_more_than_the_broker_holds_is_refused()
    {
        Broker.Hold(Call, 2);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 5));

        ExpectRefusal(Call, nameof(RuleCode.QuantityAboveHeld), nameof(RuleCode.QuantityAboveAvailable));
        Assert.Empty(Broker.Orders());
    }

    [Fact]
    public void Invariant_4_a_position_the_broker_does_not_hold_is_never_sold()
    {
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 1));

        ExpectRefusal(Call, nameof(RuleCode.SymbolNotHeld));
        Assert.Empty(Broker.Orders());
        Assert.Empty(Broker.Positions());
    }

    [Fact]
    public void Invariant_4_sell_to_close_against_a_short_is_refused_because_it_would_enlarge_it()
    {
        Broker.Hold(Call, -2);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 1));

        ExpectRefusal(Call, nameof(RuleCode.ClosingWrongSide));
        Assert.Empty(Broker.Orders());
        Assert.Equal(-2m, Broker.Held(Call));
    }

    [Fact]
    public void A_buy_to_close_of_a_short_it_was_told_to_manage_closes_it()
    {
        Broker.Hold(Call, -2);
        var gateway = StartGateway();

        Submit(gateway, Close(Call, 2, OrderSide.Buy, PositionIntent.BuyToClose));

        ExpectOutcome<OrderOutcome.Fill>(Call, f => f.OrderComplete);
        Assert.Equal(PositionIntent.BuyToClose, Assert.Single(Broker.Orders()).PositionIntent);
        Assert.Equal(0m, Broker.Held(Call));
    }
}
