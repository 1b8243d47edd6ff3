using System.Collections.Concurrent;
using System.Diagnostics;
using Akka.Actor;
using Akka.Cluster;

namespace PositionManager.Benchmarks;

/// <summary>
/// Records when this member's cluster view saw each member and reachability event, against a clock
/// the scenario starts, so a failover figure can be told apart into detection, decision and hand-over.
/// </summary>
public sealed class ClusterTimeline : ReceiveActor
{
    private readonly Stopwatch _clock;
    private readonly ConcurrentQueue<(TimeSpan At, string What)> _seen;

    public ClusterTimeline(Stopwatch clock, ConcurrentQueue<(TimeSpan, string)> seen)
    {
        _clock = clock;
        _seen = seen;
        Receive<ClusterEvent.IClusterDomainEvent>(e => _seen.Enqueue((_clock.Elapsed, Describe(e))));
    }

    protected override void PreStart() => Cluster.Get(Context.System).Subscribe(
        Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
        typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.IReachabilityEvent));

    protected override void PostStop() => Cluster.Get(Context.System).Unsubscribe(Self);

    private static string Describe(ClusterEvent.IClusterDomainEvent e) => e switch
    {
        ClusterEvent.MemberStatusChange change => $"{change.GetType().Name} {change.Member.Address.Port}",
        ClusterEvent.ReachabilityEvent reachability => $"{reachability.GetType().Name} {reachability.Member.Address.Port}",
        _ => e.GetType().Name,
    };
}
