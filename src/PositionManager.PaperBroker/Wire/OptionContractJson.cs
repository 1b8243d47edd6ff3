namespace PositionManager.PaperBroker.Wire;

/// <summary>
/// <c>GET /v2/options/contracts/{symbol_or_id}</c>, in the shape of Alpaca's sample. Decimals are
/// strings. The simulator has no open interest or closing prices: those fields are null.
/// </summary>
public sealed record OptionContractJson
{
    public required string Id { get; init; }

    public required string Symbol { get; init; }

    public required string Name { get; init; }

    public required string Status { get; init; }

    public bool Tradable { get; init; }

    public required string ExpirationDate { get; init; }

    public required string RootSymbol { get; init; }

    public required string UnderlyingSymbol { get; init; }

    public required string UnderlyingAssetId { get; init; }

    public required string Type { get; init; }

    public required string Style { get; init; }

    public required string StrikePrice { get; init; }

    public required string Multiplier { get; init; }

    public required string Size { get; init; }

    public string? OpenInterest { get; init; }

    public string? OpenInterestDate { get; init; }

    public string? ClosePrice { get; init; }

    public string? ClosePriceDate { get; init; }
}
