namespace PositionManager.Node.Notifications;

public enum NotificationSeverity
{
    /// <summary>The system did what it is for: an exit, a fill, a member joining.</summary>
    Info,

    /// <summary>Someone should look soon: a halted gateway, a member gone, quantity drift.</summary>
    Warning,

    /// <summary>Someone must act now: a short the system did not open, a refused close.</summary>
    Critical,
}
