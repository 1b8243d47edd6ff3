namespace PositionManager.Domain.Positions.Events;

/// <summary>Part of the exit filled. Quantities are cumulative for the order, so a repeated update changes nothing.</summary>
public sealed record CloseOrderPartiallyFilled(int ExitSequence, int CumulativeFilledQuantity, decimal AveragePrice, DateTimeOffset At) : IPositionEvent;
