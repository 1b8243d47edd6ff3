using Akka.Actor;
using Akka.Cluster;

namespace PositionManager.Benchmarks;

/// <summary>Completes its task once the cluster has the given number of members Up, then stops.</summary>
public sealed class MembersUpWatcher : ReceiveActor
{
    private readonly HashSet<Address> _up = [];

    public MembersUpWatcher(int count, TaskCompletionSource done)
    {
        Receive<ClusterEvent.MemberUp>(up =>
        {
            _up.Add(up.Member.Address);
            if (_up.Count >= count)
            {
                done.TrySetResult();
                Context.Stop(Self);
            }
        });
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }

    protected override void PreStart() =>
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents, typeof(ClusterEvent.MemberUp));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);
}
