using PositionManager.Domain.Orders;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// Alpaca's position intent inference and its quantity rule, the semantics the gateway guards
/// against: without an intent a sell against no long opens (or extends) a short; an explicit intent
/// that contradicts the inference is refused; one order never flips a position through zero.
/// </summary>
public static class PositionIntentRules
{
    /// <summary>Likely Alpaca's rule (docs/ALPACA.md): a sell against a held long is a close; any other
    /// sell opens a short; a buy against a short is a close; any other buy opens a long.</summary>
    public static PositionIntent Infer(OrderSide side, decimal heldQty) => side == OrderSide.Sell
        ? heldQty > 0 ? PositionIntent.SellToClose : PositionIntent.SellToOpen
        : heldQty < 0 ? PositionIntent.BuyToClose : PositionIntent.BuyToOpen;

    /// <param name="terms">The order.</param>
    /// <param name="heldQty">The signed position in the symbol (0 when none).</param>
    /// <param name="reservedQty">Quantity of open orders on the same side that would close the same position.</param>
    /// <param name="applied">The intent the order carries from now on.</param>
    public static BrokerError? Check(OrderTerms terms, decimal heldQty, decimal reservedQty, out PositionIntent applied)
    {
        var inferred = Infer(terms.Side, heldQty);
        applied = terms.ExplicitIntent ?? inferred;
        if (terms.ExplicitIntent is { } sent && sent != inferred)
        {
            // Alpaca-API issue #250 quotes the message; the 403 status is our assumption.
            return BrokerError.Forbidden($"position intent mismatch. inferred {Spoken(inferred)}");
        }

        if (inferred.IsClosing())
        {
            var available = Math.Max(0, Math.Abs(heldQty) - reservedQty);
            if (terms.Qty > available)
            {
                return BrokerError.Forbidden($"insufficient qty available for order (requested: {WireDecimal.Qty(terms.Qty)}, available: {WireDecimal.Qty(available)})");
            }
        }

        return null;
    }

    private static string Spoken(PositionIntent intent) => intent.ToWire().Replace('_', ' ');
}
