namespace PositionManager.PaperBroker.Wire;

/// <summary>Data of the stream's <c>authorization</c> reply.</summary>
public sealed record AuthorizationDataJson(string Status, string Action);
