namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>The world around the intent in hand when its next step is decided: the clock, the kill switch, the market's hours.</summary>
public sealed record OutboxConditions(DateTimeOffset Now, bool Halted, string? HaltReason, bool MarketOpen);
