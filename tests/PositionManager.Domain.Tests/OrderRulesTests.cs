using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Tests;

public class OrderRulesTests
{
    private const string Call = "GOOGL260220C00340000";

    private static readonly OrderDraft SellToClose = new(Call, OrderSide.Sell, PositionIntent.SellToClose, 10, OrderType.Market, TimeInForce.Day, null, "pm-GOOGL260220C00340000-0a1b2c3d-1");

    private static readonly BrokerPositionView LongTen = new(Call, PositionSide.Long, 10, 10);

    private static OrderCheck Check(OrderDraft draft, BrokerPositionView? held = null, bool halted = false) =>
        OrderRules.Check(draft, held ?? LongTen, halted);

    [Fact]
    public void A_sell_to_close_of_a_held_long_call_is_accepted_as_sent()
    {
        var check = Check(SellToClose);

        Assert.True(check.IsAccepted);
        Assert.Empty(check.Violations);
        var request = check.Request!;
        Assert.Equal(Call, request.Symbol.Value);
        Assert.Equal(OrderSide.Sell, request.Side);
        Assert.Equal(PositionIntent.SellToClose, request.Intent);
        Assert.Equal(10, request.Quantity);
        Assert.Equal(TimeInForce.Day, request.TimeInForce);
        Assert.Equal(SellToClose.ClientOrderId, request.ClientOrderId);
    }

    [Fact]
    public void A_buy_to_close_of_a_held_short_is_accepted()
    {
        var draft = SellToClose with { Side = OrderSide.Buy, Intent = PositionIntent.BuyToClose, Quantity = 3 };

        Assert.True(Check(draft, new BrokerPositionView(Call, PositionSide.Short, 3, 3)).IsAccepted);
    }

    [Fact]
    public void Sell_of_underlying_ticker_is_rejected()
    {
        var check = Check(SellToClose with { Symbol = "GOOGL" }, new BrokerPositionView("GOOGL", PositionSide.Long, 10, 10));

        Assert.False(check.IsAccepted);
        Assert.True(check.Violates(RuleCode.NotAnOptionSymbol));
    }

    [Fact]
    public void Missing_symbol_is_rejected()
    {
        Assert.True(Check(SellToClose with { Symbol = null }).Violates(RuleCode.NotAnOptionSymbol));
    }

    [Fact]
    public void Sell_without_position_intent_is_rejected()
    {
        var check = Check(SellToClose with { Intent = null });

        Assert.False(check.IsAccepted);
        Assert.True(check.Violates(RuleCode.MissingIntent));
    }

    [Theory]
    [InlineData(PositionIntent.SellToOpen, OrderSide.Sell)]
    [InlineData(PositionIntent.BuyToOpen, OrderSide.Buy)]
    public void Opening_intents_are_rejected(PositionIntent intent, OrderSide side)
    {
        Assert.True(Check(SellToClose with { Intent = intent, Side = side }).Violates(RuleCode.OpeningIntent));
    }

    [Fact]
    public void Missing_side_is_rejected()
    {
        Assert.True(Check(SellToClose with { Side = null }).Violates(RuleCode.MissingSide));
    }

    [Theory]
    [InlineData(OrderSide.Buy, PositionIntent.SellToClose)]
    [InlineData(OrderSide.Sell, PositionIntent.BuyToClose)]
    public void Side_that_contradicts_the_intent_is_rejected(OrderSide side, PositionIntent intent)
    {
        Assert.True(Check(SellToClose with { Side = side, Intent = intent }).Violates(RuleCode.SideIntentMismatch));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_quantity_is_rejected(int quantity)
    {
        Assert.True(Check(SellToClose with { Quantity = quantity }).Violates(RuleCode.NonPositiveQuantity));
    }

    [Fact]
    public void Fractional_quantity_is_rejected()
    {
        Assert.True(Check(SellToClose with { Quantity = 2.5m }).Violates(RuleCode.FractionalQuantity));
    }

    [Fact]
    public void Symbol_the_broker_does_not_hold_is_never_sold()
    {
        Assert.True(OrderRules.Check(SellToClose, null, false).Violates(RuleCode.SymbolNotHeld));
        Assert.True(OrderRules.Check(SellToClose, LongTen with { Quantity = 0, QuantityAvailable = 0 }, false).Violates(RuleCode.SymbolNotHeld));
    }

    [Fact]
    public void A_broker_view_of_another_symbol_is_not_taken_as_holding_this_one()
    {
        var otherContract = LongTen with { Symbol = "GOOGL260220C00350000" };

        Assert.True(Check(SellToClose, otherContract).Violates(RuleCode.BrokerViewForOtherSymbol));
    }

    [Fact]
    public void Sell_to_close_against_a_short_position_is_rejected()
    {
        var check = Check(SellToClose, new BrokerPositionView(Call, PositionSide.Short, 10, 10));

        Assert.True(check.Violates(RuleCode.ClosingWrongSide));
    }

    [Fact]
    public void Buy_to_close_against_a_long_position_is_rejected()
    {
        var draft = SellToClose with { Side = OrderSide.Buy, Intent = PositionIntent.BuyToClose };

        Assert.True(Check(draft).Violates(RuleCode.ClosingWrongSide));
    }

    [Fact]
    public void Quantity_above_what_is_held_is_rejected()
    {
        Assert.True(Check(SellToClose with { Quantity = 11 }).Violates(RuleCode.QuantityAboveHeld));
    }

    [Fact]
    public void Quantity_above_what_is_available_is_rejected_even_when_held()
    {
        var check = Check(SellToClose with { Quantity = 8 }, LongTen with { QuantityAvailable = 5 });

        Assert.True(check.Violates(RuleCode.QuantityAboveAvailable));
        Assert.False(check.Violates(RuleCode.QuantityAboveHeld));
    }

    [Theory]
    [InlineData(TimeInForce.Gtc)]
    [InlineData(null)]
    public void Non_day_order_is_rejected(TimeInForce? tif)
    {
        Assert.True(Check(SellToClose with { TimeInForce = tif }).Violates(RuleCode.NotDayOrder));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-1.5)]
    [InlineData(1.234)]
    public void Limit_order_without_a_positive_whole_cent_price_is_rejected(double? price)
    {
        var draft = SellToClose with { Type = OrderType.Limit, LimitPrice = (decimal?)price };

        Assert.True(Check(draft).Violates(RuleCode.InvalidLimitPrice));
    }

    [Fact]
    public void Limit_order_with_a_cent_price_is_accepted()
    {
        var check = Check(SellToClose with { Type = OrderType.Limit, LimitPrice = 4.85m });

        Assert.True(check.IsAccepted);
        Assert.Equal(4.85m, check.Request!.LimitPrice);
    }

    [Fact]
    public void Market_order_with_a_limit_price_is_rejected()
    {
        Assert.True(Check(SellToClose with { LimitPrice = 5m }).Violates(RuleCode.InvalidLimitPrice));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pm-0123456789012345678901234567890123456789-overlong")]
    public void Missing_or_overlong_client_order_id_is_rejected(string? id)
    {
        Assert.True(Check(SellToClose with { ClientOrderId = id }).Violates(RuleCode.InvalidClientOrderId));
    }

    [Fact]
    public void Halted_gateway_refuses_an_otherwise_valid_order()
    {
        var check = Check(SellToClose, halted: true);

        Assert.False(check.IsAccepted);
        Assert.Equal(RuleCode.GatewayHalted, Assert.Single(check.Violations).Code);
    }

    [Fact]
    public void The_predecessors_order_is_refused_for_every_reason_at_once()
    {
        var predecessor = new OrderDraft("GOOGL", OrderSide.Sell, null, 10, OrderType.Market, TimeInForce.Day, null, "legacy-1");

        var check = OrderRules.Check(predecessor, null, gatewayHalted: false);

        Assert.Equal(
            new[] { RuleCode.NotAnOptionSymbol, RuleCode.MissingIntent, RuleCode.SymbolNotHeld },
            check.Violations.Select(v => v.Code).ToArray());
    }

    [Fact]
    public void Every_violation_names_its_rule_in_its_text()
    {
        var check = OrderRules.Check(new OrderDraft("GOOGL", null, PositionIntent.SellToOpen, 0.5m, OrderType.Limit, null, null, null), null, true);

        Assert.All(check.Violations, v => Assert.StartsWith(v.Code.ToString(), v.ToString()));
        Assert.True(check.Violations.Count >= 7);
    }
}
