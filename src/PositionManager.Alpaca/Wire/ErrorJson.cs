namespace PositionManager.Alpaca.Wire;

/// <summary>Alpaca's error body: <c>{"code": 40010001, "message": "…"}</c>; either may be missing.</summary>
internal sealed record ErrorJson
{
    public int? Code { get; init; }

    public string? Message { get; init; }
}
