namespace PositionManager.Alpaca.Wire;

/// <summary>Data of a stream error; the server closes the connection after it.</summary>
internal sealed record StreamErrorDataJson
{
    public string? ErrorMessage { get; init; }
}
