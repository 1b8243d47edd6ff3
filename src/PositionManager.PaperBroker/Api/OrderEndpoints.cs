using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>Submit, list, get (by id and by client_order_id) and cancel orders.</summary>
public static class OrderEndpoints
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v2/orders", SubmitAsync);

        app.MapGet("/v2/orders", (string? status, int? limit, string? direction, PaperAccount account) =>
        {
            status ??= "open";
            if (status is not ("open" or "closed" or "all"))
            {
                return ApiResults.Error(BrokerError.Invalid("status must be one of open, closed, all"));
            }

            var count = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
            var orders = account.ListOrders(status, count, ascending: direction == "asc");
            return Results.Json<IReadOnlyList<OrderJson>>([.. orders.Select(o => o.ToJson())], PaperJson.Context.IReadOnlyListOrderJson);
        });

        // Alpaca's path has a colon inside the segment: /v2/orders:by_client_order_id.
        app.MapGet("/v2/orders:by_client_order_id", (string? client_order_id, PaperAccount account) =>
            client_order_id is not null && account.FindByClientOrderId(client_order_id) is { } order
                ? Results.Json(order.ToJson(), PaperJson.Context.OrderJson)
                : ApiResults.Error(BrokerError.NotFound("order not found")));

        app.MapGet("/v2/orders/{orderId}", (string orderId, PaperAccount account) =>
            Guid.TryParse(orderId, out var id) && account.FindOrder(id) is { } order
                ? Results.Json(order.ToJson(), PaperJson.Context.OrderJson)
                : ApiResults.Error(BrokerError.NotFound("order not found")));

        app.MapDelete("/v2/orders/{orderId}", (string orderId, PaperAccount account) =>
        {
            if (!Guid.TryParse(orderId, out var id))
            {
                return ApiResults.Error(BrokerError.NotFound("order not found"));
            }

            return account.Cancel(id) is { } error ? ApiResults.Error(error) : Results.NoContent();
        });

        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, PaperAccount account, FaultInjector faults, ILoggerFactory loggers)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, PaperJson.Context.JsonElement, context.RequestAborted);
        }
        catch (JsonException)
        {
            return ApiResults.Error(BrokerError.Malformed("request body format is invalid"));
        }

        var (submission, readError) = OrderRequestReader.Read(body);
        if (submission is null)
        {
            return ApiResults.Error(readError!);
        }

        var outcome = account.Submit(submission);
        if (outcome.Order is not { } order)
        {
            return ApiResults.Error(outcome.Error!);
        }

        if (faults.TryTakeAmbiguous(out var mode))
        {
            // The order exists and will trade; only the answer is lost. The client must look it up
            // by client_order_id before it ever submits again.
            loggers.CreateLogger(typeof(OrderEndpoints)).LogInformation(
                "Fault: order {OrderId} {ClientOrderId} created but answered with {Mode}", order.Id, order.ClientOrderId, mode);
            if (mode == AmbiguousFailure.Abort)
            {
                context.Abort();
                return Results.Empty;
            }

            return ApiResults.Error(new BrokerError(500, 50010000, "internal server error"));
        }

        return Results.Json(order.ToJson(), PaperJson.Context.OrderJson);
    }
}
