using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.PaperBroker.Faults;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Every response carries X-RateLimit-Limit/Remaining/Reset of its API's budget (docs/ALPACA.md);
/// Alpaca requests past the budget, and those a fault armed, get 429 with
/// <c>{"code":42910000,"message":"rate limit exceeded"}</c>. Each is counted by route.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimitWindows windows, FaultInjector faults, RequestTally tally)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var trading = AlpacaRoutes.IsTrading(path);
        var isRest = trading || AlpacaRoutes.IsMarketData(path);
        var window = AlpacaRoutes.IsMarketData(path) ? windows.MarketData : windows.Trading;
        var (remaining, reset, exceeded) = window.Register(count: isRest);
        var forced = isRest && !exceeded && faults.TryTakeRateLimit();
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = (forced ? 0 : remaining).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        var limited = isRest && (exceeded || forced);
        if (isRest)
        {
            tally.Record(Route(context), trading, limited);
        }

        if (limited)
        {
            await ApiResults.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, 42910000, "rate limit exceeded");
            return;
        }

        await next(context);
    }

    /// <summary>The route template when routing matched one (WebApplication routes before any middleware), else the path.</summary>
    private static string Route(HttpContext context) =>
        $"{context.Request.Method} {(context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value}";
}
