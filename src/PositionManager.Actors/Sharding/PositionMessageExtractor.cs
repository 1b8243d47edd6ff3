using Akka.Cluster.Sharding;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Sharding;

/// <summary>Routes every position command to the entity named by its position id (the OCC symbol, account-scoped when needed).</summary>
public sealed class PositionMessageExtractor(int maxNumberOfShards) : HashCodeMessageExtractor(maxNumberOfShards)
{
    public override string? EntityId(object message) => message is IPositionCommand command ? command.PositionId : null;
}
