using Akka.Cluster.Sharding;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Sharding;

/// <summary>
/// Routes every position command to the entity named by its position id (the OCC symbol,
/// account-scoped when needed), and names the shard that holds it: FNV-1a over the id's UTF-16
/// characters, modulo the number of shards, as one of the shard-id strings made once here.
/// </summary>
/// <remarks>
/// The hash is ours on purpose, and it must never change: remembered entities are stored under
/// their shard ids, so a different hash would leave every open position stored under a shard
/// that no longer receives its commands (ShardIdGoldenTests pins it). The base class would do
/// something else: Akka's <c>HashCodeMessageExtractor.ShardId</c> (1.5.73) takes
/// <c>Math.Abs(MurmurHash.StringHash(entityId)) % MaxNumberOfShards</c>, from strings it
/// also makes once. That is stable across processes too (string.GetHashCode plays no part in
/// either), but it puts the same ids in other shards, and it belongs to Akka, which may change it.
/// </remarks>
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

    /// <summary>FNV-1a (32-bit) over the id's characters: the same in every process, runtime and Akka version.</summary>
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
