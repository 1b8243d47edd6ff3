using PositionManager.Alpaca.Trading;

namespace PositionManager.Alpaca.Wire;

/// <summary>Alpaca's order status strings folded to <see cref="BrokerOrderStatus"/>; an unknown one is not guessed.</summary>
internal static class OrderStatusWire
{
    public static BrokerOrderStatus? Parse(string? status) => status switch
    {
        "new" or "accepted" or "pending_new" or "accepted_for_bidding" or "pending_review" or "held"
            or "pending_cancel" or "pending_replace" or "calculated" or "suspended" or "stopped" => BrokerOrderStatus.Working,
        "partially_filled" => BrokerOrderStatus.PartiallyFilled,
        "filled" => BrokerOrderStatus.Filled,
        "canceled" => BrokerOrderStatus.Canceled,
        "expired" => BrokerOrderStatus.Expired,
        "rejected" => BrokerOrderStatus.Rejected,
        "replaced" or "done_for_day" => BrokerOrderStatus.Done,
        _ => null,
    };
}
