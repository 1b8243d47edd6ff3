using System.Globalization;
using System.Text.Json;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Reads a <c>POST /v2/orders</c> body by hand: Alpaca takes qty and prices as strings or numbers,
/// and an empty <c>position_intent</c> must stay distinguishable from an absent one.
/// </summary>
public static class OrderRequestReader
{
    public static (OrderSubmission? Submission, BrokerError? Error) Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, BrokerError.Malformed("request body format is invalid"));
        }

        try
        {
            var submission = new OrderSubmission
            {
                Symbol = Text(body, "symbol"),
                Qty = Number(body, "qty"),
                Notional = Number(body, "notional"),
                Side = Text(body, "side"),
                Type = Text(body, "type") ?? Text(body, "order_type"),
                TimeInForce = Text(body, "time_in_force"),
                LimitPrice = Number(body, "limit_price"),
                StopPrice = Number(body, "stop_price"),
                HasTrail = Present(body, "trail_price") || Present(body, "trail_percent"),
                ExtendedHours = body.TryGetProperty("extended_hours", out var eh) && eh.ValueKind == JsonValueKind.True,
                ClientOrderId = Text(body, "client_order_id"),
                OrderClass = Text(body, "order_class"),
                HasLegs = Present(body, "legs") || Present(body, "take_profit") || Present(body, "stop_loss"),
                PositionIntent = Text(body, "position_intent"),
            };
            return (submission, null);
        }
        catch (FormatException e)
        {
            return (null, BrokerError.Invalid(e.Message));
        }
    }

    private static bool Present(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null &&
        !(value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0);

    private static string? Text(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FormatException($"{name} must be a string");
    }

    private static decimal? Number(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String &&
            decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        throw new FormatException($"invalid {name}");
    }
}
