namespace PositionManager.Domain.Positions.Events;

/// <summary>Nothing is held any more. A closed position stays closed: no tick, fill or command reopens it; only the reconciler adopting the contract again, once bought again at the broker, starts a new lifecycle (OpenOrigin.AdoptedAgain).</summary>
public sealed record PositionClosed(string Reason, DateTimeOffset At) : IPositionEvent;
