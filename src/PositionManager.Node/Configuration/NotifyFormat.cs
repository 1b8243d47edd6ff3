namespace PositionManager.Node.Configuration;

/// <summary>The body a webhook is sent (<c>PositionManager:Notify:Format</c>).</summary>
public enum NotifyFormat
{
    /// <summary>A Slack incoming webhook's <c>{"text": …}</c> (also what Mattermost and Teams' Slack-compatible hooks take).</summary>
    Slack,

    /// <summary>One JSON object per notification: kind, severity, symbol, text, time.</summary>
    Json,
}
