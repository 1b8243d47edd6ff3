namespace PositionManager.Alpaca.Wire;

/// <summary>Data of the stream's <c>listening</c> reply: the streams now listened to.</summary>
internal sealed record ListeningDataJson
{
    public IReadOnlyList<string?>? Streams { get; init; }
}
