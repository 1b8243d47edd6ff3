using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Wire;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// Options market data under Alpaca's data paths, served by the same server. Symbols that are not
/// OCC contracts are left out of the answer, as the data API leaves out symbols it has no data for.
/// </summary>
public static class MarketDataEndpoints
{
    private const int MaxSymbols = 100;

    public static IEndpointRouteBuilder MapMarketDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1beta1/options/quotes/latest", (string? symbols, MarketSimulator market) =>
            Answer(symbols, market, quotes => Results.Json(
                new LatestQuotesJson(quotes.ToDictionary(q => q.Symbol, q => q.Quote.ToQuoteJson())),
                PaperJson.Context.LatestQuotesJson)));

        app.MapGet("/v1beta1/options/trades/latest", (string? symbols, MarketSimulator market) =>
            Answer(symbols, market, quotes => Results.Json(
                new LatestTradesJson(quotes.ToDictionary(q => q.Symbol, q => q.Quote.ToTradeJson())),
                PaperJson.Context.LatestTradesJson)));

        app.MapGet("/v1beta1/options/snapshots", (string? symbols, MarketSimulator market) =>
            Answer(symbols, market, quotes => Results.Json(
                new SnapshotsJson(quotes.ToDictionary(q => q.Symbol, q => new SnapshotJson(q.Quote.ToQuoteJson(), q.Quote.ToTradeJson())), null),
                PaperJson.Context.SnapshotsJson)));

        return app;
    }

    private static IResult Answer(string? symbols, MarketSimulator market, Func<IReadOnlyList<(string Symbol, SimQuote Quote)>, IResult> render)
    {
        var requested = (symbols ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (requested.Count == 0)
        {
            return ApiResults.Error(new BrokerError(400, 40010001, "symbols is required"));
        }

        if (requested.Count > MaxSymbols)
        {
            return ApiResults.Error(new BrokerError(400, 40010001, $"too many symbols: at most {MaxSymbols} per request"));
        }

        var quotes = requested
            .Where(OccSymbol.IsOption)
            .Select(s => (s, market.QuoteOf(s)))
            .ToList();
        return render(quotes);
    }
}
