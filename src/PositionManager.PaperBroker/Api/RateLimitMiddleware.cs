using System.Globalization;
using Microsoft.AspNetCore.Http;
using PositionManager.PaperBroker.Faults;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Every response carries X-RateLimit-Limit/Remaining/Reset (docs/ALPACA.md); Alpaca requests past the
/// budget, and those a fault armed, get 429 with <c>{"code":42910000,"message":"rate limit exceeded"}</c>.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitWindow window, FaultInjector faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var isRest = AlpacaRoutes.IsRest(context.Request.Path);
        var (remaining, reset, exceeded) = window.Register(count: isRest);
        var forced = isRest && !exceeded && faults.TryTakeRateLimit();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (forced ? 0 : remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (isRest && (exceeded || forced))
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, 42910000, "rate limit exceeded");
            return;
        }

        await next(context);
    }
}
