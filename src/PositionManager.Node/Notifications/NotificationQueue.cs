using System.Threading.Channels;

namespace PositionManager.Node.Notifications;

/// <summary>
/// The bounded hand-over between the actors that notice things and the webhook sender. Writing
/// never waits: when the webhook is down long enough to fill it, the oldest notification is dropped
/// and counted, so a dead receiver can neither slow an actor nor grow the node's memory.
/// </summary>
public sealed class NotificationQueue
{
    public const int DefaultCapacity = 1000;

    private readonly Channel<Notification> _channel;
    private long _dropped;

    public NotificationQueue(int capacity = DefaultCapacity)
    {
        _channel = Channel.CreateBounded<Notification>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped =>
            {
                Interlocked.Increment(ref _dropped);
                NotificationMetrics.Dropped.Add(1);
            });
    }

    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Never blocks; with the queue full the oldest waiting notification makes room.</summary>
    public void Enqueue(Notification notification) => _channel.Writer.TryWrite(notification);

    public ChannelReader<Notification> Reader => _channel.Reader;
}
