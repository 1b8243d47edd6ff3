using Microsoft.AspNetCore.Http;

namespace PositionManager.PaperBroker.Api;

/// <summary>Which requests are Alpaca's API (authenticated, rate limited, faulted) and which are the control API.</summary>
public static class AlpacaRoutes
{
    public const string Control = "/_paper";

    public static bool IsRest(PathString path) =>
        path.StartsWithSegments("/v2") || path.StartsWithSegments("/v1beta1");

    public static bool IsStream(PathString path) => path.StartsWithSegments("/stream");
}
