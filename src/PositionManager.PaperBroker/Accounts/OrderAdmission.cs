using PositionManager.Domain.Orders;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// The checks that need the account's state, in Alpaca's order: unique client_order_id, intent
/// inference and available quantity, buying power for openings. Runs under <see cref="PaperAccount"/>'s lock.
/// </summary>
internal sealed class OrderAdmission(PositionBook positions, OrderBook orders, MarketSimulator market, Func<AccountView> balances)
{
    public BrokerError? Check(OrderTerms terms, DateTimeOffset now, out PositionIntent intent)
    {
        intent = default;
        if (terms.ClientOrderId is { } cid && orders.HasClientOrderId(cid))
        {
            return BrokerError.Invalid("client_order_id must be unique");
        }

        var held = positions.QtyOf(terms.Symbol);
        var reserved = orders.Reserved(terms.Symbol, terms.Side);
        var intentError = PositionIntentRules.Check(terms, held, reserved, out intent);
        if (intentError is not null)
        {
            return intentError;
        }

        return intent == PositionIntent.BuyToOpen ? BuyingPowerError(terms, now) : null;
    }

    // Short sales are not margin-checked: the paper account lets them open, which is the danger
    // the gateway exists to prevent.
    private BrokerError? BuyingPowerError(OrderTerms terms, DateTimeOffset now)
    {
        var price = terms.LimitPrice ?? terms.StopPrice ?? market.QuoteAt(terms.Symbol, now).Ask;
        var cost = terms.Qty * price * (terms.AssetClass == AssetClass.UsOption ? 100m : 1m);
        var account = balances();
        var power = terms.AssetClass == AssetClass.UsOption ? account.OptionsBuyingPower : account.BuyingPower;
        return cost > power ? BrokerError.Forbidden("insufficient buying power") : null;
    }
}
