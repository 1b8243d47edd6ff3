namespace PositionManager.Alpaca.Wire;

/// <summary>Data of the stream's <c>authorization</c> reply: status authorized or unauthorized.</summary>
internal sealed record AuthorizationDataJson
{
    public string? Status { get; init; }

    public string? Action { get; init; }
}
