namespace PositionManager.Actors.Reconciliation;

/// <summary>What the reconciler journals: which positions are open, so it can close them when the broker no longer holds them, even after a restart.</summary>
public interface IReconcilerEvent : IPositionManagerMessage;

public static class ReconcilerEvents
{
    /// <summary>A position was adopted, or found open, and is watched from now on.</summary>
    public sealed record PositionTracked(string PositionId, string Symbol, DateTimeOffset At) : IReconcilerEvent;

    /// <summary>A position is closed (by its own exit, or marked flat) and no longer watched.</summary>
    public sealed record PositionReleased(string PositionId, string Reason, DateTimeOffset At) : IReconcilerEvent;
}
