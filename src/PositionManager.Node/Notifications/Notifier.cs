using Akka.Actor;
using Akka.Cluster;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Reconciliation;

namespace PositionManager.Node.Notifications;

/// <summary>
/// Turns what this node's gateway, reconciler and cluster publish into notifications for the
/// webhook. The gateway and reconciler publish only where their singleton runs, so each of their
/// notices is sent by one node; a membership change is seen by every member, so only the oldest Up
/// member (the one hosting the singletons) reports it. Enqueueing never waits (<see cref="NotificationQueue"/>).
/// </summary>
public sealed class Notifier : ReceiveActor
{
    private readonly NotificationQueue _queue;
    private readonly TimeProvider _clock;
    private readonly Cluster _cluster = Cluster.Get(Context.System);

    public Notifier(NotificationQueue queue, TimeProvider clock)
    {
        _queue = queue;
        _clock = clock;
        Receive<GatewayNotice>(notice => Enqueue(NotificationText.For(notice)));
        Receive<AlertRaised>(raised => Enqueue(NotificationText.For(raised)));
        Receive<ClusterEvent.IMemberEvent>(change =>
        {
            if (IsOldestUp())
            {
                Enqueue(NotificationText.For(change, _clock.GetUtcNow()));
            }
        });
        Receive<ClusterEvent.CurrentClusterState>(_ =>
        {
            // This node came up before the notifier subscribed: its own start is news (a restart).
            if (_cluster.SelfMember.Status == MemberStatus.Up && IsOldestUp())
            {
                Enqueue(NotificationText.For(new ClusterEvent.MemberUp(_cluster.SelfMember), _clock.GetUtcNow()));
            }
        });
    }

    public static Props Props(NotificationQueue queue, TimeProvider clock) => Akka.Actor.Props.Create(() => new Notifier(queue, clock));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(GatewayNotice));
        Context.System.EventStream.Subscribe(Self, typeof(AlertRaised));
        // A snapshot, not replayed events: members already up when the node started are no news.
        _cluster.Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(ClusterEvent.IMemberEvent));
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _cluster.Unsubscribe(Self);
    }

    private bool IsOldestUp()
    {
        var oldest = _cluster.State.Members.Where(m => m.Status == MemberStatus.Up).Aggregate((Member?)null, (best, m) => best is null || m.IsOlderThan(best) ? m : best);
        return oldest is not null && oldest.UniqueAddress.Equals(_cluster.SelfUniqueAddress);
    }

    private void Enqueue(Notification? notification)
    {
        if (notification is not null)
        {
            _queue.Enqueue(notification);
        }
    }
}
