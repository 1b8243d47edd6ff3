namespace PositionManager.Actors.Reconciliation;

/// <summary>A position the reconciler knows to be open: its entity id and the contract it holds.</summary>
public sealed record TrackedPosition(string PositionId, string Symbol);
