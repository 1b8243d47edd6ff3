using Microsoft.AspNetCore.Http;

namespace PositionManager.PaperBroker.Api;

/// <summary>Which requests are Alpaca's API (authenticated, rate limited, faulted) and which are the control API.</summary>
public static class AlpacaRoutes
{
    public const string Control = "/_paper";

    public static bool IsRest(PathString path) =>
        path.StartsWithSegments("/v2") || path.StartsWithSegments("/v1beta1/options");

    /// <summary>The options market data websockets (<c>/v1beta1/indicative</c>, <c>/v1beta1/opra</c>): they authenticate in a message, not a header.</summary>
    public static readonly IReadOnlyList<string> QuoteStreams = ["/v1beta1/indicative", "/v1beta1/opra"];

    public static bool IsStream(PathString path) =>
        path.StartsWithSegments("/stream") || QuoteStreams.Any(stream => path.StartsWithSegments(stream));
}
