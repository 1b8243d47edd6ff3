using System.Diagnostics.Metrics;
using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using PositionManager.Actors;
using PositionManager.Actors.Hosting;

namespace PositionManager.Node.Http;

/// <summary>
/// <c>pm_node_ready</c>: 1 while this node would answer /health/ready as ready (member Up, position
/// region registered), so Prometheus can alert on a node that runs but takes no share of the work.
/// </summary>
internal static class NodeReadyMetric
{
    private static readonly Meter Meter = new(MetricsMeter.Name);
    private static Func<bool> _ready = static () => false;

    public static readonly ObservableGauge<int> Ready = Meter.CreateObservableGauge("node_ready", () => Volatile.Read(ref _ready)() ? 1 : 0);

    public static void Watch(ActorSystem system, ActorRegistry registry)
    {
        var cluster = Cluster.Get(system);
        Volatile.Write(ref _ready, () => !system.WhenTerminated.IsCompleted
            && cluster.SelfMember.Status == MemberStatus.Up
            && registry.TryGet<PositionRegion>(out IActorRef? _));
    }
}
