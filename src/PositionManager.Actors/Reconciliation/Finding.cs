namespace PositionManager.Actors.Reconciliation;

/// <summary>Something one pass found wrong with one symbol; an alert while it keeps being found.</summary>
public sealed record Finding(AlertKind Kind, string Symbol, string Message);
