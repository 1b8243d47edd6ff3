using System.Text.RegularExpressions;
using PositionManager.Domain.Orders;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// The checks Alpaca makes on the body alone (422, code 40010001), including the options rules of
/// docs/ALPACA.md: whole qty, no notional, day/gtc, no extended hours, no trailing stops or brackets.
/// </summary>
public static partial class OrderShapeRules
{
    public const int MaxClientOrderIdLength = 128;

    public static (OrderTerms? Terms, BrokerError? Error) Check(OrderSubmission s)
    {
        if (string.IsNullOrEmpty(s.Symbol))
        {
            return Fail("symbol is required");
        }

        var isOption = OccSymbol.IsOption(s.Symbol);
        if (!isOption && !StockTicker().IsMatch(s.Symbol))
        {
            return Fail($"asset \"{s.Symbol}\" not found");
        }

        var side = WireNames.ParseSide(s.Side);
        if (side is null)
        {
            return Fail("side must be buy or sell");
        }

        if (s.Type == "trailing_stop" || s.HasTrail)
        {
            return Fail(isOption ? "trailing_stop orders are not supported for options" : "trailing_stop orders are not simulated by the paper broker");
        }

        PaperOrderType? type = s.Type switch
        {
            "market" => PaperOrderType.Market,
            "limit" => PaperOrderType.Limit,
            "stop" => PaperOrderType.Stop,
            "stop_limit" => PaperOrderType.StopLimit,
            _ => null,
        };
        if (type is null)
        {
            return Fail("type must be one of market, limit, stop, stop_limit, trailing_stop");
        }

        if (s.TimeInForce is not ("day" or "gtc" or "opg" or "cls" or "ioc" or "fok"))
        {
            return Fail("time_in_force must be one of day, gtc, opg, cls, ioc, fok");
        }

        if (s.OrderClass is not (null or "" or "simple") || s.HasLegs)
        {
            return Fail(isOption
                ? $"order_class {s.OrderClass} is not supported for options"
                : $"order_class {s.OrderClass} is not simulated by the paper broker");
        }

        var qtyError = CheckQuantity(s, isOption);
        if (qtyError is not null)
        {
            return (null, qtyError);
        }

        if (isOption && s.TimeInForce is not ("day" or "gtc"))
        {
            return Fail("options orders must have time_in_force day or gtc");
        }

        if (isOption && s.ExtendedHours)
        {
            return Fail("extended hours are not supported for options");
        }

        if (type is PaperOrderType.Limit or PaperOrderType.StopLimit && s.LimitPrice is not > 0)
        {
            return Fail("limit_price is required and must be positive for limit and stop_limit orders");
        }

        if (type is PaperOrderType.Stop or PaperOrderType.StopLimit && s.StopPrice is not > 0)
        {
            return Fail("stop_price is required and must be positive for stop and stop_limit orders");
        }

        if (s.ClientOrderId is { Length: > MaxClientOrderIdLength })
        {
            return Fail($"client_order_id must be no more than {MaxClientOrderIdLength} characters");
        }

        PositionIntent? intent = null;
        if (s.PositionIntent is not null)
        {
            // An empty string is not "absent": Alpaca refuses it (422, 40010001).
            intent = WireNames.ParsePositionIntent(s.PositionIntent);
            if (intent is null)
            {
                return Fail($"invalid position_intent \"{s.PositionIntent}\": must be one of buy_to_open, buy_to_close, sell_to_open, sell_to_close");
            }

            var intentSide = intent is PositionIntent.BuyToOpen or PositionIntent.BuyToClose ? OrderSide.Buy : OrderSide.Sell;
            if (intentSide != side)
            {
                return Fail($"position_intent {s.PositionIntent} does not match side {s.Side}");
            }
        }

        var terms = new OrderTerms(
            s.Symbol,
            isOption ? AssetClass.UsOption : AssetClass.UsEquity,
            s.Qty!.Value,
            side.Value,
            type.Value,
            s.TimeInForce,
            s.LimitPrice,
            s.StopPrice,
            intent,
            string.IsNullOrEmpty(s.ClientOrderId) ? null : s.ClientOrderId,
            s.ExtendedHours);
        return (terms, null);
    }

    private static BrokerError? CheckQuantity(OrderSubmission s, bool isOption)
    {
        if (s.Notional is not null)
        {
            // Notional (dollar) orders are fractional stock orders; the simulator keeps to qty.
            return BrokerError.Invalid(isOption ? "notional is not supported for options orders" : "notional orders are not simulated by the paper broker; send qty");
        }

        if (s.Qty is not > 0)
        {
            return BrokerError.Invalid("qty is required and must be > 0");
        }

        if (isOption && s.Qty.Value != decimal.Truncate(s.Qty.Value))
        {
            return BrokerError.Invalid("qty must be a whole number for options orders");
        }

        return null;
    }

    private static (OrderTerms?, BrokerError?) Fail(string message) => (null, BrokerError.Invalid(message));

    [GeneratedRegex("^[A-Z]{1,6}([.][A-Z]{1,2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex StockTicker();
}
