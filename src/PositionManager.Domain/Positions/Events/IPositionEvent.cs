namespace PositionManager.Domain.Positions.Events;

/// <summary>A change of a position's state. Every one is journaled before it has any effect outside the actor.</summary>
public interface IPositionEvent
{
    DateTimeOffset At { get; }
}
