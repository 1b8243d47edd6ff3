using Microsoft.Extensions.Logging;
using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// One fill step of one order at the simulated quote: books the trade, advances the order through
/// partially_filled to filled, and reports it. Runs under <see cref="PaperAccount"/>'s lock.
/// </summary>
internal sealed class FillEngine(
    PositionBook positions,
    OrderBook orders,
    MarketSimulator market,
    FillSettings fills,
    Action<string, PaperOrder, DateTimeOffset, decimal?, decimal?, decimal?, string?> publish,
    ILogger logger)
{
    /// <summary>True when the order traded.</summary>
    public bool TryFill(PaperOrder order, DateTimeOffset now)
    {
        var quote = market.QuoteAt(order.Symbol, now);
        var triggered = FillRules.IsTriggered(order, quote);
        var price = triggered ? FillRules.Price(order with { StopTriggered = true }, quote) : null;
        if (price is null)
        {
            if (triggered && !order.StopTriggered)
            {
                orders.Replace(order with { StopTriggered = true });
            }

            return false;
        }

        var qty = FillRules.Quantity(order, fills);
        var signed = order.Side == OrderSide.Buy ? qty : -qty;
        var positionQty = positions.ApplyFill(order.Symbol, order.AssetClass, signed, price.Value);
        var filledQty = order.FilledQty + qty;
        var average = ((order.FilledAvgPrice ?? 0m) * order.FilledQty + price.Value * qty) / filledQty;
        var done = filledQty >= order.Qty;
        var updated = order with
        {
            FilledQty = filledQty,
            FilledAvgPrice = Math.Round(average, 6),
            Status = done ? OrderStatuses.Filled : OrderStatuses.PartiallyFilled,
            FilledAt = done ? now : null,
            UpdatedAt = now,
            StopTriggered = true,
            NextFillAt = now + fills.FillDelay,
        };
        orders.Replace(updated);
        publish(done ? "fill" : "partial_fill", updated, now, price, qty, positionQty, Guid.NewGuid().ToString());
        logger.LogInformation(
            "Order {OrderId} {ClientOrderId} {Status} {Qty} {Symbol} at {Price}; position now {PositionQty}",
            order.Id, order.ClientOrderId, updated.Status, qty, order.Symbol, price, positionQty);
        return true;
    }
}
