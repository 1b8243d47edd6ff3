using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Positions;

namespace PositionManager.Actors.Gateway;

/// <summary>Turns the broker's view of an exit's order into what its position understands.</summary>
internal static class BrokerOrderOutcomes
{
    /// <summary>Null when the order says nothing new yet (working, nothing filled).</summary>
    public static OrderOutcome? For(int exitSequence, BrokerOrderStatus status, string statusText, int filledQuantity, decimal? averagePrice) => status switch
    {
        BrokerOrderStatus.Rejected => new OrderOutcome.Rejected(exitSequence, $"the broker rejected the order ({statusText})"),
        BrokerOrderStatus.Filled => Fill(exitSequence, filledQuantity, averagePrice, complete: true),
        BrokerOrderStatus.Working or BrokerOrderStatus.PartiallyFilled => filledQuantity > 0 ? Fill(exitSequence, filledQuantity, averagePrice, complete: false) : null,
        // Canceled or expired after a partial fill: what filled is final, the rest stays held.
        _ => filledQuantity > 0 ? Fill(exitSequence, filledQuantity, averagePrice, complete: true) : new OrderOutcome.Ended(exitSequence, statusText),
    };

    public static OrderOutcome? For(int exitSequence, BrokerOrder order) =>
        For(exitSequence, order.Status, order.StatusText, (int)order.FilledQuantity, order.FilledAveragePrice);

    private static OrderOutcome? Fill(int exitSequence, int filledQuantity, decimal? averagePrice, bool complete) =>
        // A fill without its price is a malformed report (invariant 8): wait for a readable one.
        averagePrice is { } price ? new OrderOutcome.Fill(exitSequence, filledQuantity, price, complete) : null;
}
