using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PositionManager.Admin;

namespace PositionManager.Node.WebConsole;

/// <summary>
/// The browser console's pages and assets, embedded in this assembly (no CDN, nothing on disk).
/// They hold no data and change nothing, so they are served like health and metrics; every figure
/// on them comes from the admin calls, which keep their rules: reads open on loopback, the token
/// (sent by the page as a header, never a cookie, so another site cannot borrow it) beyond loopback
/// and for every change.
/// </summary>
internal static class ConsoleEndpoints
{
    private const string ResourcePrefix = "console/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".png"] = "image/png",
        [".svg"] = "image/svg+xml",
        [""] = "text/plain; charset=utf-8",
    };

    private static readonly Assembly Assets = typeof(ConsoleEndpoints).Assembly;

    public static void MapConsole(this IEndpointRouteBuilder app)
    {
        // One route for /console and everything below: routing treats /console/ as /console.
        app.MapGet(AdminRoutes.Console + "/{**path}", (HttpContext context, string? path) =>
            context.Request.Path.Value is { } asked && !asked.EndsWith('/') && string.IsNullOrEmpty(path)
                ? Results.Redirect(AdminRoutes.Console + "/") // relative links need the slash
                : Serve(context, string.IsNullOrEmpty(path) ? "index.html" : path));
    }

    private static IResult Serve(HttpContext context, string path)
    {
        var stream = path.Contains("..", StringComparison.Ordinal) ? null : Assets.GetManifestResourceStream(ResourcePrefix + path);
        if (stream is null || !ContentTypes.TryGetValue(Path.GetExtension(path), out var type))
        {
            stream?.Dispose();
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        // Not framable (clickjacking a close button) and no script from anywhere but here.
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
        return Results.Stream(stream, type);
    }
}
