namespace PositionManager.Domain.Positions.Events;

/// <summary>The gateway or the broker refused the exit; the next evaluation may try again.</summary>
public sealed record CloseOrderRejected(int ExitSequence, string Reason, DateTimeOffset At) : IPositionEvent;
