using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Orders;

/// <summary>
/// Every check the gateway makes before an order leaves (docs/DESIGN.md safety invariants 1-4 and 7),
/// as one pure function. It returns ALL violations, not the first, so an operator reading a
/// rejection sees everything that was wrong with it.
/// </summary>
public static class OrderRules
{
    /// <param name="draft">The order as asked for.</param>
    /// <param name="held">The broker's current position in the draft's symbol, or null when it holds none.</param>
    /// <param name="gatewayHalted">Whether the kill switch is on.</param>
    public static OrderCheck Check(OrderDraft draft, BrokerPositionView? held, bool gatewayHalted)
    {
        var violations = new List<RuleViolation>();
        void Violate(RuleCode code, string message) => violations.Add(new RuleViolation(code, message));

        if (gatewayHalted)
        {
            Violate(RuleCode.GatewayHalted, "the gateway is halted; resume it before any order is sent");
        }

        if (!OptionSymbol.TryParse(draft.Symbol, out var symbol, out var symbolProblem))
        {
            Violate(RuleCode.NotAnOptionSymbol, $"'{draft.Symbol}' is not an OCC option symbol ({symbolProblem})");
        }

        CheckIntentAndSide(draft, Violate);
        var quantity = CheckQuantityShape(draft.Quantity, Violate);
        CheckAgainstBroker(draft, symbol, held, Violate);
        CheckPricing(draft, Violate);

        if (string.IsNullOrWhiteSpace(draft.ClientOrderId) || draft.ClientOrderId.Length > ClientOrderId.MaxLength)
        {
            Violate(RuleCode.InvalidClientOrderId, $"client_order_id must be 1-{ClientOrderId.MaxLength} characters");
        }

        if (violations.Count > 0)
        {
            return new OrderCheck(null, violations);
        }

        var request = new OrderRequest(symbol!, draft.Side!.Value, draft.Intent!.Value, quantity, draft.Type, draft.LimitPrice, draft.ClientOrderId!);
        return new OrderCheck(request, []);
    }

    private static void CheckIntentAndSide(OrderDraft draft, Action<RuleCode, string> violate)
    {
        if (draft.Intent is null)
        {
            violate(RuleCode.MissingIntent, "position_intent is missing; a sell without it can open a short");
        }
        else if (!draft.Intent.Value.IsClosing())
        {
            violate(RuleCode.OpeningIntent, $"position_intent {draft.Intent.Value.ToWire()} opens a position; only sell_to_close and buy_to_close are sent");
        }

        if (draft.Side is null)
        {
            violate(RuleCode.MissingSide, "side is missing");
        }
        else if (draft.Intent is { } intent && ExpectedSide(intent) != draft.Side)
        {
            violate(RuleCode.SideIntentMismatch, $"side {draft.Side.Value.ToWire()} does not go with position_intent {intent.ToWire()}");
        }
    }

    private static int CheckQuantityShape(decimal quantity, Action<RuleCode, string> violate)
    {
        if (quantity <= 0)
        {
            violate(RuleCode.NonPositiveQuantity, $"qty {quantity} is not positive");
            return 0;
        }

        if (quantity != decimal.Truncate(quantity) || quantity > int.MaxValue)
        {
            violate(RuleCode.FractionalQuantity, $"qty {quantity} is not a whole number of contracts");
            return 0;
        }

        return (int)quantity;
    }

    private static void CheckAgainstBroker(OrderDraft draft, OptionSymbol? symbol, BrokerPositionView? held, Action<RuleCode, string> violate)
    {
        if (held is null || held.Quantity <= 0)
        {
            violate(RuleCode.SymbolNotHeld, $"the broker holds no position in '{draft.Symbol}'; a position it does not hold is never sold");
            return;
        }

        if (symbol is null || !string.Equals(held.Symbol, symbol.Value, StringComparison.Ordinal))
        {
            violate(RuleCode.BrokerViewForOtherSymbol, $"the broker's view is of '{held.Symbol}', not of '{draft.Symbol}'");
            return;
        }

        if (draft.Intent is { } intent && intent.IsClosing() && ClosedSide(intent) != held.Side)
        {
            violate(RuleCode.ClosingWrongSide, $"{intent.ToWire()} against a {held.Side.ToString().ToLowerInvariant()} position would enlarge it");
        }

        if (draft.Quantity > held.Quantity)
        {
            violate(RuleCode.QuantityAboveHeld, $"qty {draft.Quantity} exceeds the {held.Quantity} held");
        }

        if (draft.Quantity > held.QuantityAvailable)
        {
            violate(RuleCode.QuantityAboveAvailable, $"qty {draft.Quantity} exceeds the {held.QuantityAvailable} available (the rest is held for open orders)");
        }
    }

    private static void CheckPricing(OrderDraft draft, Action<RuleCode, string> violate)
    {
        if (draft.TimeInForce != TimeInForce.Day)
        {
            violate(RuleCode.NotDayOrder, $"time_in_force {draft.TimeInForce?.ToWire() ?? "(none)"}: exits are day orders");
        }

        switch (draft.Type)
        {
            case OrderType.Market when draft.LimitPrice is not null:
                violate(RuleCode.InvalidLimitPrice, "a market order carries no limit_price");
                break;
            case OrderType.Limit when draft.LimitPrice is not { } price || price <= 0 || decimal.Round(price, 2) != price:
                violate(RuleCode.InvalidLimitPrice, $"limit_price {draft.LimitPrice?.ToString() ?? "(none)"} must be positive, in whole cents");
                break;
        }
    }

    private static OrderSide ExpectedSide(PositionIntent intent) =>
        intent is PositionIntent.SellToClose or PositionIntent.SellToOpen ? OrderSide.Sell : OrderSide.Buy;

    private static PositionSide ClosedSide(PositionIntent intent) =>
        intent == PositionIntent.SellToClose ? PositionSide.Long : PositionSide.Short;
}
