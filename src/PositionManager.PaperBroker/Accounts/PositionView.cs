namespace PositionManager.PaperBroker.Accounts;

/// <summary>A position valued at the simulated market, for <c>GET /v2/positions</c>.</summary>
public sealed record PositionView(PaperPosition Position, decimal QtyAvailable, decimal CurrentPrice, decimal LastdayPrice)
{
    public decimal MarketValue => Position.Qty * CurrentPrice * Position.Multiplier;

    public decimal CostBasis => Position.Qty * Position.AvgEntryPrice * Position.Multiplier;

    public decimal UnrealizedPl => MarketValue - CostBasis;
}
