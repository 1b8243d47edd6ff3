namespace PositionManager.PaperBroker.Wire;

/// <summary>Alpaca's error body.</summary>
public sealed record ErrorJson(int Code, string Message);
