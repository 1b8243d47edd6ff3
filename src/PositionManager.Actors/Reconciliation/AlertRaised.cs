namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// A reconciler alert raised (new, or its message changed), published on the event stream of the
/// node that runs the reconciler, so a person hears of it (notifications). Local only.
/// </summary>
public sealed record AlertRaised(ReconcilerAlert Alert);
