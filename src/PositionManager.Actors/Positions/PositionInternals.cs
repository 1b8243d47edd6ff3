using Akka.Actor;

namespace PositionManager.Actors.Positions;

/// <summary>Messages a position sends itself; they never leave the node, so they are never serialized.</summary>
internal static class PositionInternals
{
    public sealed class EvaluateClock : INoSerializationVerificationNeeded
    {
        public static readonly EvaluateClock Instance = new();
    }

    /// <summary>Time to send the pending exit's intent again (no acknowledgement, or no outcome yet).</summary>
    public sealed class ResendPendingExit : INoSerializationVerificationNeeded
    {
        public static readonly ResendPendingExit Instance = new();
    }

    /// <summary>
    /// A position that recovered closed passivates once the messages that arrived during its
    /// recovery are handled: one of them may be the reconciler adopting its contract again.
    /// </summary>
    public sealed class PassivateIfStillClosed : INoSerializationVerificationNeeded
    {
        public static readonly PassivateIfStillClosed Instance = new();
    }

    /// <summary>The message the shard sends back when a closed position asks to be passivated.</summary>
    public sealed class StopEntity : INoSerializationVerificationNeeded
    {
        public static readonly StopEntity Instance = new();
    }
}
