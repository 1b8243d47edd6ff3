namespace PositionManager.Actors.Reconciliation;

/// <summary>An alert that held at the last pass; it stays in the list while its condition lasts.</summary>
public sealed record ReconcilerAlert(AlertKind Kind, string Symbol, string Message, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);
