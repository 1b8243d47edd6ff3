using Akka.Actor;
using Akka.Hosting;
using PositionManager.Actors.Hosting;

namespace PositionManager.Node.Admin;

/// <summary>The admin endpoint's handlers over this node's actor system; built at the first call, when Akka runs.</summary>
internal sealed class AdminApi(ActorSystem system, ActorRegistry registry, AdminTimeouts timeouts, TimeProvider clock, PolicyRules policies)
{
    private readonly Lazy<PositionJournal> _journal = new(() => new PositionJournal(system));

    public ClusterAdmin Cluster { get; } = new(system);

    public ShardingAdmin Sharding { get; } = new(system, timeouts);

    public ActorTree Actors { get; } = new(system);

    public NodeVersions Versions { get; } = new(system, timeouts);

    public PositionsAdmin Positions => new(Required<PositionRegion>("the position shard region"), _journal.Value, timeouts, clock);

    /// <summary>Rules and explain need no actor; only reapply asks the positions, so only it needs the region.</summary>
    public PolicyAdmin Policy => new(policies, () => Required<PositionRegion>("the position shard region"), () => Positions, timeouts, clock);

    public GatewayAdmin Gateway => new(Required<GatewayProxy>("the broker gateway proxy"), timeouts);

    public ReconcilerAdmin Reconciler => new(Required<ReconcilerProxy>("the reconciler proxy"), timeouts);

    private IActorRef Required<TKey>(string what) =>
        registry.TryGet<TKey>(out var actor) ? actor : throw AdminProblem.Unavailable($"{what} is not running on this node yet");
}
