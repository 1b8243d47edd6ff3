using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Time;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary><c>/v2/account</c>, <c>/v2/clock</c>, <c>/v2/positions</c>.</summary>
public static class TradingEndpoints
{
    public static IEndpointRouteBuilder MapTradingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/account", (PaperAccount account) =>
            Results.Json(account.Balances().ToJson(), PaperJson.Context.AccountJson));

        app.MapGet("/v2/clock", (MarketCalendar calendar, TimeProvider time) =>
            Results.Json(calendar.At(time.GetUtcNow()).ToJson(), PaperJson.Context.ClockJson));

        app.MapGet("/v2/positions", (PaperAccount account) =>
            Results.Json<IReadOnlyList<PositionJson>>([.. account.Positions().Select(p => p.ToJson())], PaperJson.Context.IReadOnlyListPositionJson));

        app.MapGet("/v2/positions/{symbolOrAssetId}", (string symbolOrAssetId, PaperAccount account) =>
            account.Position(symbolOrAssetId) is { } position
                ? Results.Json(position.ToJson(), PaperJson.Context.PositionJson)
                : ApiResults.Error(BrokerError.NotFound("position does not exist")));

        return app;
    }
}
