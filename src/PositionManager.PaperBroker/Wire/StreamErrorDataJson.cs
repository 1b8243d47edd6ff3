namespace PositionManager.PaperBroker.Wire;

/// <summary>Data of a stream error.</summary>
public sealed record StreamErrorDataJson(string ErrorMessage);
