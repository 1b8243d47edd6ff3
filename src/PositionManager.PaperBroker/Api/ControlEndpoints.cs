using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Contracts;
using PositionManager.PaperBroker.Faults;
using PositionManager.PaperBroker.Hosting;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Time;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// The simulator's own API under <c>/_paper</c>, for tests and curl users: faults, seeding, time,
/// the market's schedule, adjusted contracts.
/// It needs no Alpaca keys (the broker binds loopback) and is never part of Alpaca's surface.
/// </summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup(AlpacaRoutes.Control);

        control.MapGet("/faults", (FaultInjector faults) => FaultState(faults));
        control.MapPost("/faults", (FaultsJson? body, FaultInjector faults) =>
        {
            if (body is not null && FaultRequest.Apply(body, faults) is { } error)
            {
                return ApiResults.Error(error);
            }

            return FaultState(faults);
        });
        control.MapDelete("/faults", (FaultInjector faults) =>
        {
            faults.Clear();
            return FaultState(faults);
        });
        control.MapPost("/stream/drop", (FaultInjector faults) => Count("drop_streams", faults.DropStreams()));

        control.MapPut("/positions/{symbol}", (string symbol, SeedPositionJson body, PaperAccount account) =>
        {
            try
            {
                account.SeedPosition(symbol, body.Qty, body.AvgEntryPrice);
            }
            catch (ArgumentException e)
            {
                return ApiResults.Error(BrokerError.Invalid(e.Message));
            }

            return account.Position(symbol) is { } view
                ? Results.Json(view.ToJson(), PaperJson.Context.PositionJson)
                : Results.NoContent();
        });

        control.MapPut("/quotes/{symbol}", (string symbol, SetQuoteJson body, MarketSimulator market) =>
        {
            if (body.Bid < 0 || body.Ask < body.Bid)
            {
                return ApiResults.Error(BrokerError.Invalid("need 0 <= bid <= ask"));
            }

            market.SetQuote(symbol, body.Bid, body.Ask, body.BidSize ?? 10, body.AskSize ?? 10);
            return Results.Json(market.QuoteOf(symbol).ToQuoteJson(), PaperJson.Context.QuoteJson);
        });

        control.MapGet("/market", (MarketCalendar calendar) => MarketState(calendar));
        control.MapPost("/market", (MarketScheduleJson body, MarketCalendar calendar) =>
            MarketRequest.Apply(body, calendar) is { } error ? ApiResults.Error(error) : MarketState(calendar));
        control.MapDelete("/market", (MarketCalendar calendar) =>
        {
            calendar.Reset();
            return MarketState(calendar);
        });

        control.MapPut("/contracts/{symbol}", (string symbol, ContractConfigJson body, ContractDirectory contracts) =>
            contracts.Configure(symbol, body.UnderlyingSymbol) is { } error
                ? ApiResults.Error(error)
                : Results.Json(contracts.Find(symbol)!.ToJson(), PaperJson.Context.OptionContractJson));
        control.MapDelete("/contracts/{symbol}", (string symbol, ContractDirectory contracts) =>
            Count("forget_contract", contracts.Forget(symbol) ? 1 : 0));

        control.MapGet("/requests", (RequestTally tally) => Results.Json(tally.Snapshot(), PaperJson.Context.RequestTallyJson));
        control.MapDelete("/requests", (RequestTally tally) =>
        {
            tally.Clear();
            return Count("clear_requests", 0);
        });
        control.MapPost("/pump", (SimulationDriver driver) => Count("pump", driver.Pump()));
        control.MapPost("/clock/advance", (ControlRequestJson body, SimulationDriver driver) =>
            driver.IsManual
                ? Count("advance", driver.Advance(TimeSpan.FromSeconds(body.Seconds ?? 0)))
                : ApiResults.Error(new BrokerError(409, 40910000, "the broker runs on the system clock; time cannot be advanced")));
        control.MapPost("/orders/expire", (PaperAccount account) => Count("expire_day_orders", account.ExpireDayOrders()));
        control.MapPost("/reset", (ControlRequestJson? body, PaperAccount account) =>
        {
            account.Reset(body?.Cash ?? 100_000m);
            return Count("reset", 0);
        });

        return app;
    }

    private static IResult Count(string action, int count) =>
        Results.Json(new ControlResultJson(action, count), PaperJson.Context.ControlResultJson);

    private static IResult MarketState(MarketCalendar calendar) =>
        Results.Json(MarketRequest.Describe(calendar.Schedule), PaperJson.Context.MarketScheduleJson);

    private static IResult FaultState(FaultInjector faults) =>
        Results.Json(FaultRequest.Describe(faults.Current), PaperJson.Context.FaultsJson);
}
