namespace PositionManager.Alpaca.Wire;

/// <summary>The fields of Alpaca's position object that we read; qty is signed for shorts.</summary>
internal sealed record PositionJson
{
    public string? Symbol { get; init; }

    public string? AssetClass { get; init; }

    public string? Side { get; init; }

    public decimal? Qty { get; init; }

    public decimal? QtyAvailable { get; init; }

    public decimal? AvgEntryPrice { get; init; }

    public decimal? CurrentPrice { get; init; }
}
