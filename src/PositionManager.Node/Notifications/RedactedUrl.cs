namespace PositionManager.Node.Notifications;

/// <summary>A webhook URL as logs may show it: scheme, host and port. Its path and query carry the token (Slack's do).</summary>
public static class RedactedUrl
{
    public static string Of(Uri url) => url.IsDefaultPort
        ? $"{url.Scheme}://{url.Host}/…"
        : $"{url.Scheme}://{url.Host}:{url.Port}/…";
}
