using Akka.Actor;
using PositionManager.Actors.Positions;

namespace PositionManager.Actors.Reconciliation;

/// <summary>Messages the reconciler sends itself; they never leave the node.</summary>
internal static class ReconcilerInternals
{
    public sealed class Tick : INoSerializationVerificationNeeded
    {
        public static readonly Tick Instance = new();
    }

    public sealed record PassFinished(PassResult Result) : INoSerializationVerificationNeeded;

    /// <summary>What the position said when asked after its notice of a close: still closed, or open again (or no answer).</summary>
    public sealed record CloseChecked(PositionProtocol.Closed Notice, bool OpenAgain) : INoSerializationVerificationNeeded;
}
