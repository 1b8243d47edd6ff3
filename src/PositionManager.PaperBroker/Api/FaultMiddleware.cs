using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PositionManager.PaperBroker.Faults;

namespace PositionManager.PaperBroker.Api;

/// <summary>Added latency and forced 5xx on Alpaca's REST paths (never on the control API).</summary>
public sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, ILogger<FaultMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!AlpacaRoutes.IsRest(context.Request.Path))
        {
            await next(context);
            return;
        }

        var latency = faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            // Real time on purpose: latency is what a client's timeout sees, whatever the broker's clock.
            await Task.Delay(latency, context.RequestAborted);
        }

        if (faults.TryTakeServerError(out var status))
        {
            logger.LogInformation("Fault: {Method} {Path} answered {Status}", context.Request.Method, context.Request.Path, status);
            await ApiResults.WriteErrorAsync(context, status, 50010000, "internal server error");
            return;
        }

        await next(context);
    }
}
