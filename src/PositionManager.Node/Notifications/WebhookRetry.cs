namespace PositionManager.Node.Notifications;

/// <summary>How long a failed delivery waits before it is tried again: doubling from <see cref="First"/> up to <see cref="Longest"/>.</summary>
public sealed record WebhookRetry(TimeSpan First, TimeSpan Longest, TimeSpan RequestTimeout)
{
    public static readonly WebhookRetry Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

    public TimeSpan After(int failures) =>
        TimeSpan.FromTicks(Math.Min(Longest.Ticks, First.Ticks * (1L << Math.Min(failures - 1, 20))));
}
