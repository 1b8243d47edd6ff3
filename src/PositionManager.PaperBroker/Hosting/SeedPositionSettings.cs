namespace PositionManager.PaperBroker.Hosting;

/// <summary>A position the account holds from the start; negative qty is short.</summary>
public sealed class SeedPositionSettings
{
    public string Symbol { get; set; } = "";

    public decimal Qty { get; set; }

    public decimal AvgEntryPrice { get; set; }
}
