namespace PositionManager.Actors.Reconciliation;

/// <summary>A tracked position that is no longer open here, and why.</summary>
public sealed record PositionRelease(string PositionId, string Reason);
