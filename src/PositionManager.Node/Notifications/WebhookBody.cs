using System.Text.Json;
using System.Text.Json.Serialization;
using PositionManager.Node.Configuration;

namespace PositionManager.Node.Notifications;

/// <summary>A notification as the webhook's body, in the configured format.</summary>
public static class WebhookBody
{
    public static string Of(Notification notification, NotifyFormat format) => format switch
    {
        NotifyFormat.Slack => JsonSerializer.Serialize(new SlackMessage(SlackText(notification)), WebhookJsonContext.Default.SlackMessage),
        _ => JsonSerializer.Serialize(
            new JsonNotification(notification.Kind, notification.Severity.ToString().ToLowerInvariant(), notification.Symbol, notification.Text, notification.At),
            WebhookJsonContext.Default.JsonNotification),
    };

    private static string SlackText(Notification notification)
    {
        var mark = notification.Severity switch
        {
            NotificationSeverity.Critical => ":rotating_light: ",
            NotificationSeverity.Warning => ":warning: ",
            _ => string.Empty,
        };
        return $"{mark}[position manager] {notification.Text}";
    }
}

public sealed record SlackMessage(string Text);

public sealed record JsonNotification(string Kind, string Severity, string? Symbol, string Text, DateTimeOffset At);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(JsonNotification))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
