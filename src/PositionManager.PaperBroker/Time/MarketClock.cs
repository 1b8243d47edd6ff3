namespace PositionManager.PaperBroker.Time;

/// <summary>What <c>GET /v2/clock</c> answers; all times carry the New York offset.</summary>
public sealed record MarketClock(DateTimeOffset Timestamp, bool IsOpen, DateTimeOffset NextOpen, DateTimeOffset NextClose);
