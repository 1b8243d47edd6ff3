namespace PositionManager.PaperBroker.Accounts;

/// <summary>A held position: <see cref="Qty"/> is signed (negative = short), as Alpaca's <c>position_qty</c>.</summary>
public sealed record PaperPosition(string Symbol, Guid AssetId, AssetClass AssetClass, decimal Qty, decimal AvgEntryPrice)
{
    public decimal Multiplier => AssetClass == AssetClass.UsOption ? 100m : 1m;
}
