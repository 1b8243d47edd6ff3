namespace PositionManager.Alpaca.Reference;

/// <summary>
/// One reading of the broker's market clock. The times are real instants, with the offset the
/// broker wrote (New York's at Alpaca). While open, <see cref="NextClose"/> is this session's close
/// (an early close included) and <see cref="NextOpen"/> the next session's open; while closed,
/// <see cref="NextOpen"/> comes first.
/// </summary>
public sealed record BrokerClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
