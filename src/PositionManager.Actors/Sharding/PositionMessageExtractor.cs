using Akka.Cluster.Sharding;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Sharding;

/// <summary>
/// Routes every position command to the entity named by its position id (the OCC symbol,
/// account-scoped when needed). Shard ids are interned once: the base extractor formats a new
/// string for every message, and every tick passes through here.
/// </summary>
public sealed class PositionMessageExtractor : HashCodeMessageExtractor
{
    private readonly string[] _shardIds;

    public PositionMessageExtractor(int maxNumberOfShards)
        : base(maxNumberOfShards)
    {
        _shardIds = Enumerable.Range(0, maxNumberOfShards).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    public override string? EntityId(object message) => message is IPositionCommand command ? command.PositionId : null;

    public override string ShardId(string entityId, object? messageHint = null) =>
        _shardIds[(int)((uint)StableHash(entityId) % (uint)_shardIds.Length)];

    /// <summary>FNV-1a over the id's characters: stable across processes and runtimes, unlike string.GetHashCode.</summary>
    private static int StableHash(string entityId)
    {
        var hash = 2166136261u;
        foreach (var c in entityId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }
}
