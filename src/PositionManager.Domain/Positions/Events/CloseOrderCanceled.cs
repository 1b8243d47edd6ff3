namespace PositionManager.Domain.Positions.Events;

/// <summary>The exit order ended without filling completely (canceled, expired, done for day).</summary>
public sealed record CloseOrderCanceled(int ExitSequence, string Status, DateTimeOffset At) : IPositionEvent;
