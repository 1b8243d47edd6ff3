using Akka.Actor;
using Akka.Cluster;

namespace PositionManager.Simulation.World;

/// <summary>
/// On a survivor: when the killed member was seen unreachable (proof of an abrupt kill: a member
/// that leaves gracefully is never unreachable) and when it was removed, after which the
/// singletons and its shards start elsewhere (down-removal-margin later).
/// </summary>
public sealed class MemberRemovalWatcher : ReceiveActor
{
    public sealed record Seen(TimeSpan Unreachable, TimeSpan Removed);

    public MemberRemovalWatcher(Address victim, System.Diagnostics.Stopwatch since, TaskCompletionSource<Seen> removed)
    {
        TimeSpan? unreachable = null;
        Receive<ClusterEvent.UnreachableMember>(e => e.Member.Address == victim && unreachable is null, _ => unreachable = since.Elapsed);
        Receive<ClusterEvent.MemberRemoved>(e => e.Member.Address == victim, _ =>
        {
            removed.TrySetResult(new Seen(unreachable ?? TimeSpan.MinValue, since.Elapsed));
            Context.Stop(Self);
        });
        ReceiveAny(_ => { });
    }

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.UnreachableMember), typeof(ClusterEvent.MemberRemoved));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);

    public static Props Props(Address victim, System.Diagnostics.Stopwatch since, TaskCompletionSource<Seen> removed) =>
        Akka.Actor.Props.Create(() => new MemberRemovalWatcher(victim, since, removed));
}
