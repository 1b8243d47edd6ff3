namespace PositionManager.Domain.Positions.Events;

public sealed record CloseOrderFilled(int ExitSequence, int CumulativeFilledQuantity, decimal AveragePrice, DateTimeOffset At) : IPositionEvent;
