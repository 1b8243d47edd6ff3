namespace PositionManager.Domain.Positions.Events;

/// <summary>Nothing is held any more. A closed position stays closed: nothing later reopens it.</summary>
public sealed record PositionClosed(string Reason, DateTimeOffset At) : IPositionEvent;
