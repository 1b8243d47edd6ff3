using Microsoft.AspNetCore.Http;

namespace PositionManager.PaperBroker.Api;

/// <summary>Which requests are Alpaca's API (authenticated, rate limited, faulted) and which are the control API.</summary>
public static class AlpacaRoutes
{
    public const string Control = "/_paper";

    public static bool IsRest(PathString path) => IsTrading(path) || IsMarketData(path);

    /// <summary>The trading API: orders, positions, account, clock, calendar, contracts (one budget per account).</summary>
    public static bool IsTrading(PathString path) => path.StartsWithSegments("/v2");

    /// <summary>Market-data REST: a budget of its own at Alpaca.</summary>
    public static bool IsMarketData(PathString path) => path.StartsWithSegments("/v1beta1/options");

    /// <summary>The options market data websockets (<c>/v1beta1/indicative</c>, <c>/v1beta1/opra</c>): they authenticate in a message, not a header.</summary>
    public static readonly IReadOnlyList<string> QuoteStreams = ["/v1beta1/indicative", "/v1beta1/opra"];

    public static bool IsStream(PathString path) =>
        path.StartsWithSegments("/stream") || QuoteStreams.Any(stream => path.StartsWithSegments(stream));
}
