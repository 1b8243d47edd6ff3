using Akka.Actor;

namespace PositionManager.Actors.Reconciliation;

/// <summary>Messages the reconciler sends itself; they never leave the node.</summary>
internal static class ReconcilerInternals
{
    public sealed class Tick : INoSerializationVerificationNeeded
    {
        public static readonly Tick Instance = new();
    }

    public sealed record PassFinished(PassResult Result) : INoSerializationVerificationNeeded;
}
