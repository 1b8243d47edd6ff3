namespace PositionManager.Node.Notifications;

/// <summary>One thing a person must hear of, in words, ready to be sent to a webhook.</summary>
/// <param name="Kind">A stable name receivers can route on: <c>exit_triggered</c>, <c>order_filled</c>, <c>close_refused</c>, …</param>
/// <param name="Symbol">The OCC contract (or ticker) it concerns, if any.</param>
public sealed record Notification(string Kind, NotificationSeverity Severity, string? Symbol, string Text, DateTimeOffset At);
