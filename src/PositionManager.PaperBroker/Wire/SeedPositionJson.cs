namespace PositionManager.PaperBroker.Wire;

/// <summary>Body of <c>PUT /_paper/positions/{symbol}</c>: signed qty (negative = short), 0 removes.</summary>
public sealed record SeedPositionJson(decimal Qty, decimal AvgEntryPrice);
