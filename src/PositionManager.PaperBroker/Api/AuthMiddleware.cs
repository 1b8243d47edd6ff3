using Microsoft.AspNetCore.Http;

namespace PositionManager.PaperBroker.Api;

/// <summary>
/// APCA-API-KEY-ID / APCA-API-SECRET-KEY on every REST request; 401 without a valid pair. The
/// stream authenticates in its first message instead.
/// </summary>
public sealed class AuthMiddleware(RequestDelegate next, ApiKeys keys)
{
    public const string KeyIdHeader = "APCA-API-KEY-ID";
    public const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    public Task InvokeAsync(HttpContext context)
    {
        if (!AlpacaRoutes.IsRest(context.Request.Path))
        {
            return next(context);
        }

        var headers = context.Request.Headers;
        return keys.Accept(headers[KeyIdHeader].ToString(), headers[SecretKeyHeader].ToString())
            ? next(context)
            : ApiResults.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, 40110000, "request is not authorized");
    }
}
