using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Contracts;
using PositionManager.PaperBroker.Time;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// <c>/v2/account</c>, <c>/v2/clock</c>, <c>/v2/calendar</c>, <c>/v2/positions</c> and
/// <c>/v2/options/contracts/{symbol_or_id}</c>.
/// </summary>
public static class TradingEndpoints
{
    /// <summary>How many days a calendar request without <c>end</c> covers after its start.</summary>
    public const int DefaultCalendarDays = 30;

    public static IEndpointRouteBuilder MapTradingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v2/account", (PaperAccount account) =>
            Results.Json(account.Balances().ToJson(), PaperJson.Context.AccountJson));

        app.MapGet("/v2/clock", (MarketCalendar calendar, TimeProvider time) =>
            Results.Json(calendar.At(time.GetUtcNow()).ToJson(), PaperJson.Context.ClockJson));

        app.MapGet("/v2/calendar", (string? start, string? end, MarketCalendar calendar, TimeProvider time) =>
        {
            // Assumed: without start the list begins today (New York), without end it spans
            // DefaultCalendarDays; Alpaca answers its whole 1970-2029 calendar then.
            if (!TryDate(start, out var from, defaultTo: MarketCalendar.Today(time.GetUtcNow())) ||
                !TryDate(end, out var to, defaultTo: from.AddDays(DefaultCalendarDays)))
            {
                return ApiResults.Error(BrokerError.Invalid("start and end are dates: YYYY-MM-DD"));
            }

            return Results.Json<IReadOnlyList<CalendarDayJson>>([.. calendar.Sessions(from, to).Select(s => s.ToJson())], PaperJson.Context.IReadOnlyListCalendarDayJson);
        });

        app.MapGet("/v2/options/contracts/{symbolOrId}", (string symbolOrId, ContractDirectory contracts) =>
            contracts.Find(symbolOrId) is { } contract
                ? Results.Json(contract.ToJson(), PaperJson.Context.OptionContractJson)
                : ApiResults.Error(BrokerError.NotFound($"option contract {symbolOrId} not found")));

        app.MapGet("/v2/positions", (PaperAccount account) =>
            Results.Json<IReadOnlyList<PositionJson>>([.. account.Positions().Select(p => p.ToJson())], PaperJson.Context.IReadOnlyListPositionJson));

        app.MapGet("/v2/positions/{symbolOrAssetId}", (string symbolOrAssetId, PaperAccount account) =>
            account.Position(symbolOrAssetId) is { } position
                ? Results.Json(position.ToJson(), PaperJson.Context.PositionJson)
                : ApiResults.Error(BrokerError.NotFound("position does not exist")));

        return app;
    }

    private static bool TryDate(string? text, out DateOnly date, DateOnly defaultTo)
    {
        if (text is null)
        {
            date = defaultTo;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
