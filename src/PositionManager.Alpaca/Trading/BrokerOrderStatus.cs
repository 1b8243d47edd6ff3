namespace PositionManager.Alpaca.Trading;

/// <summary>Alpaca's order statuses, folded to what the position manager acts on.</summary>
public enum BrokerOrderStatus
{
    /// <summary>new, accepted, pending_new, accepted_for_bidding, pending_review, held, pending_cancel, pending_replace, calculated, suspended, stopped.</summary>
    Working,
    PartiallyFilled,
    Filled,
    Canceled,
    Expired,
    Rejected,
    /// <summary>replaced or done_for_day: the order no longer works for us.</summary>
    Done,
}

public static class BrokerOrderStatusExtensions
{
    public static bool IsTerminal(this BrokerOrderStatus status) =>
        status is BrokerOrderStatus.Filled or BrokerOrderStatus.Canceled or BrokerOrderStatus.Expired
            or BrokerOrderStatus.Rejected or BrokerOrderStatus.Done;
}
