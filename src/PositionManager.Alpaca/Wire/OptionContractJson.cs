namespace PositionManager.Alpaca.Wire;

/// <summary>
/// The fields of Alpaca's option contract object that we read. Nullable throughout, so a missing
/// field is named in a Malformed failure; <c>strike_price</c> and <c>size</c> arrive as strings.
/// </summary>
internal sealed record OptionContractJson
{
    public string? Id { get; init; }

    public string? Symbol { get; init; }

    public string? Status { get; init; }

    public bool? Tradable { get; init; }

    public string? ExpirationDate { get; init; }

    public string? RootSymbol { get; init; }

    public string? UnderlyingSymbol { get; init; }

    public string? Type { get; init; }

    public decimal? StrikePrice { get; init; }

    public decimal? Size { get; init; }
}
