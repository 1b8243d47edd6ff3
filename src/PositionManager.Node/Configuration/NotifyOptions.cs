namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Notify</c>: where operator notifications go. The webhook URL is a secret (a
/// Slack URL carries its token in the path): it is never logged whole (<see cref="Notifications.RedactedUrl"/>).
/// </summary>
public sealed record NotifyOptions(Uri? WebhookUrl, NotifyFormat Format)
{
    public const string Section = "PositionManager:Notify";

    public static readonly string[] Keys = ["WebhookUrl", "Format"];

    public bool Enabled => WebhookUrl is not null;

    internal static NotifyOptions Read(SettingsReader reader)
    {
        var urlKey = $"{Section}:WebhookUrl";
        var formatKey = $"{Section}:Format";
        Uri? url = null;
        if (reader.Text(urlKey) is { } text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttps || parsed.Scheme == Uri.UriSchemeHttp))
            {
                url = parsed;
            }
            else
            {
                // Not echoed: a mistyped URL still carries the token.
                reader.Problem(urlKey, "is not an http:// or https:// URL");
            }
        }

        var format = NotifyFormat.Slack;
        switch (reader.Text(formatKey)?.ToLowerInvariant())
        {
            case null or "slack":
                break;
            case "json":
                format = NotifyFormat.Json;
                break;
            case var other:
                reader.Problem(formatKey, $"'{other}' is not slack or json");
                break;
        }

        return new NotifyOptions(url, format);
    }
}
