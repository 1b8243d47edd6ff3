using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary>
/// Reads are open on loopback; every mutating call, and every call when the endpoint listens
/// beyond loopback, needs the token. Every mutating call is logged with who asked and how it ended.
/// </summary>
internal sealed class AdminAuthorization(AdminToken token, bool loopbackOnly, ILogger logger) : IEndpointFilter
{
    public const string OperatorHeader = "X-PM-Operator";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var mutating = !HttpMethods.IsGet(request.Method);
        var who = Operator(context.HttpContext);
        if (mutating || !loopbackOnly)
        {
            var presented = Presented(request);
            if (presented is null || !token.Matches(presented))
            {
                var why = presented is null
                    ? $"this call needs the admin token (pmctl --token, PMCTL_TOKEN, or the node's {AdminToken.FileName})"
                    : "the admin token is wrong";
                if (mutating)
                {
                    logger.LogWarning("Admin {Method} {Path} by {Operator} refused: {Why}", request.Method, request.Path, who, why);
                }

                return AdminResults.Error(presented is null ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden, why);
            }
        }

        if (!mutating)
        {
            return await next(context);
        }

        logger.LogWarning("Admin {Method} {Path} by {Operator}", request.Method, request.Path, who);
        var result = await next(context);
        logger.LogWarning("Admin {Method} {Path} by {Operator}: {Outcome}", request.Method, request.Path, who, AdminResults.Describe(result));
        return result;
    }

    public static string Operator(HttpContext context)
    {
        var named = context.Request.Headers[OperatorHeader].ToString();
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return string.IsNullOrWhiteSpace(named) ? remote : $"{Clean(named)} from {remote}";
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[AdminRoutes.TokenHeader].ToString() is { Length: > 0 } header)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    /// <summary>An operator name goes into logs: keep it one short printable line.</summary>
    private static string Clean(string name) =>
        new([.. name.Where(c => !char.IsControl(c)).Take(64)]);
}
