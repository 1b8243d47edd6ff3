using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;

namespace PositionManager.Alpaca.Wire;

/// <summary>
/// Wire objects to broker values, shared by REST and the trade stream. A missing or unreadable
/// field makes the whole object Malformed, naming every problem: a default in its place could
/// trade (docs/DESIGN.md invariant 8).
/// </summary>
internal static class WireMapping
{
    public static BrokerResult<BrokerOrder> ToOrder(OrderJson? json)
    {
        if (json is null)
        {
            return new BrokerFailure.Malformed("order: null where an order object was expected");
        }

        var problems = new List<string>();
        var side = WireNames.ParseSide(json.Side);
        var intent = WireNames.ParsePositionIntent(json.PositionIntent);
        var status = OrderStatusWire.Parse(json.Status);
        Require(problems, json.Id, "id");
        Require(problems, json.ClientOrderId, "client_order_id");
        if (json.OrderClass == "mleg")
        {
            // Multi-leg orders carry no top-level symbol or side; nothing here places or manages them.
            problems.Add("order_class mleg is not supported");
        }

        Require(problems, json.Symbol, "symbol");
        Check(problems, side is not null, $"side '{json.Side}' is not buy or sell");

        // Absent (older orders) is allowed and stays absent; a value we do not know is not.
        Check(problems, string.IsNullOrEmpty(json.PositionIntent) || intent is not null, $"position_intent '{json.PositionIntent}' is unknown");
        Check(problems, json.Qty is > 0, $"qty '{json.Qty}' is missing or not positive");
        Check(problems, json.FilledQty is >= 0, $"filled_qty '{json.FilledQty}' is missing or negative");
        Check(problems, json.FilledAvgPrice is null or >= 0, $"filled_avg_price '{json.FilledAvgPrice}' is negative");
        Check(problems, status is not null, $"status '{json.Status}' is unknown");
        if (problems.Count > 0)
        {
            return new BrokerFailure.Malformed($"order {json.Id ?? "(no id)"}: {string.Join("; ", problems)}");
        }

        return BrokerResult<BrokerOrder>.Success(new BrokerOrder(
            json.Id!,
            json.ClientOrderId!,
            json.Symbol!,
            side!.Value,
            intent,
            json.Qty!.Value,
            json.FilledQty!.Value,
            json.FilledAvgPrice,
            status!.Value,
            json.Status!,
            json.UpdatedAt));
    }

    public static BrokerResult<BrokerPosition> ToPosition(PositionJson? json)
    {
        if (json is null)
        {
            return new BrokerFailure.Malformed("position: null where a position object was expected");
        }

        var problems = new List<string>();
        PositionSide? side = json.Side switch
        {
            "long" => PositionSide.Long,
            "short" => PositionSide.Short,
            _ => null,
        };
        Require(problems, json.Symbol, "symbol");
        Require(problems, json.AssetClass, "asset_class");
        Check(problems, side is not null, $"side '{json.Side}' is not long or short");
        Check(problems, json.Qty is { } q && q != 0, $"qty '{json.Qty}' is missing or zero");

        // Alpaca signs a short's qty; a negative qty on a long contradicts itself and is not guessed.
        Check(problems, !(side == PositionSide.Long && json.Qty < 0), $"qty {json.Qty} is negative on a long position");
        Check(problems, json.QtyAvailable is not null, "qty_available is missing");
        Check(problems, json.AvgEntryPrice is >= 0, $"avg_entry_price '{json.AvgEntryPrice}' is missing or negative");
        Check(problems, json.CurrentPrice is null or >= 0, $"current_price '{json.CurrentPrice}' is negative");
        var quantity = Math.Abs(json.Qty ?? 0);
        var available = Math.Abs(json.QtyAvailable ?? 0);
        Check(problems, available <= quantity, $"qty_available {json.QtyAvailable} exceeds qty {json.Qty}");
        if (problems.Count > 0)
        {
            return new BrokerFailure.Malformed($"position {json.Symbol ?? "(no symbol)"}: {string.Join("; ", problems)}");
        }

        return BrokerResult<BrokerPosition>.Success(new BrokerPosition(
            json.Symbol!,
            json.AssetClass!,
            side!.Value,
            quantity,
            available,
            json.AvgEntryPrice!.Value,
            json.CurrentPrice));
    }

    /// <summary>Maps every element; the first malformed one fails the whole list (a partial list could hide a position).</summary>
    public static BrokerResult<IReadOnlyList<TOut>> ToList<TIn, TOut>(IReadOnlyList<TIn?>? items, Func<TIn?, BrokerResult<TOut>> map, string what)
    {
        if (items is null)
        {
            return new BrokerFailure.Malformed($"{what}: null where an array was expected");
        }

        var mapped = new List<TOut>(items.Count);
        foreach (var item in items)
        {
            var result = map(item);
            if (result.Failure is { } failure)
            {
                return failure;
            }

            mapped.Add(result.Value!);
        }

        return BrokerResult<IReadOnlyList<TOut>>.Success(mapped);
    }

    private static void Require(List<string> problems, string? value, string field)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add($"{field} is missing");
        }
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
