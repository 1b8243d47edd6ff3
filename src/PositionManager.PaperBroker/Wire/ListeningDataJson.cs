namespace PositionManager.PaperBroker.Wire;

/// <summary>Data of the stream's <c>listening</c> reply.</summary>
public sealed record ListeningDataJson(IReadOnlyList<string> Streams);
