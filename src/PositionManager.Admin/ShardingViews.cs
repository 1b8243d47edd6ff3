namespace PositionManager.Admin;

/// <summary>A shard region running on the answering node, with what it hosts there.</summary>
public sealed record ShardRegionView(string TypeName, int Shards, int Entities);

/// <summary>One region across the cluster: shards and entities per member.</summary>
public sealed record RegionStatsView(string TypeName, IReadOnlyList<MemberShardStats> Members);

/// <param name="FailedShards">Shards that did not answer in time (their entities are not counted).</param>
public sealed record MemberShardStats(string Address, int Shards, int Entities, IReadOnlyList<string> FailedShards);

/// <summary>The shards of one region hosted by the answering node.</summary>
public sealed record ShardStatsView(string TypeName, string Address, IReadOnlyList<ShardView> Shards);

public sealed record ShardView(string ShardId, int Entities, IReadOnlyList<string> EntityIds);

/// <summary>The answering node's actors under /user and /system, as paths, breadth first.</summary>
public sealed record ActorHierarchyView(IReadOnlyList<string> Paths, bool Truncated);

/// <summary>One node's build and broker, for "what is this container really running, and against what".</summary>
/// <param name="Broker"><c>embedded</c>, <c>paper</c>, <c>live</c> or <c>other</c>; null when the node did not say (a build from before it did).</param>
/// <param name="BrokerHost">The broker's trading host (and port), never a key.</param>
public sealed record NodeVersionView(string Address, string? Version, string? Commit, DateTimeOffset? StartedAt, string? Error, string? Broker = null, string? BrokerHost = null);
