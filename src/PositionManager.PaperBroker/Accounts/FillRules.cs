using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// When and at what price a simulated order trades: buys at the ask, sells at the bid, limits only
/// when the quote reaches them, stops once the quote touches the stop price.
/// </summary>
public static class FillRules
{
    /// <summary>True once a stop (or stop_limit) is touched; other types are always live.</summary>
    public static bool IsTriggered(PaperOrder order, SimQuote quote) => order.StopTriggered || order.Type switch
    {
        PaperOrderType.Stop or PaperOrderType.StopLimit => order.Side == OrderSide.Sell
            ? quote.Bid > 0 && quote.Bid <= order.StopPrice
            : quote.Ask >= order.StopPrice,
        _ => true,
    };

    /// <summary>The price it trades at now, or null when it is not marketable.</summary>
    public static decimal? Price(PaperOrder order, SimQuote quote)
    {
        var touch = order.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
        if (touch <= 0)
        {
            return null; // no bid: nothing to sell into
        }

        return order.Type switch
        {
            PaperOrderType.Market or PaperOrderType.Stop => touch,
            _ when order.Side == OrderSide.Buy => touch <= order.LimitPrice ? touch : null,
            _ => touch >= order.LimitPrice ? touch : null,
        };
    }

    public static decimal Quantity(PaperOrder order, FillSettings settings) =>
        settings.PartialFillQty is > 0 and var slice ? Math.Min(order.RemainingQty, slice) : order.RemainingQty;
}
