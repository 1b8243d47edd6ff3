namespace PositionManager.PaperBroker.Accounts;

/// <summary>Alpaca's <c>asset_class</c>; options carry a multiplier of 100 in every value.</summary>
public enum AssetClass
{
    UsEquity,
    UsOption,
}
