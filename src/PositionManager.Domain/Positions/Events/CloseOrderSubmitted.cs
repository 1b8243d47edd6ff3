namespace PositionManager.Domain.Positions.Events;

public sealed record CloseOrderSubmitted(int ExitSequence, string ClientOrderId, string BrokerOrderId, DateTimeOffset At) : IPositionEvent;
