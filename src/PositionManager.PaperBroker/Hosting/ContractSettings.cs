namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// A contract the broker knows with an underlying that is not its OCC root: an adjusted contract,
/// e.g. <c>LCID1…</c> with underlying <c>LCID</c> (configuration <c>PaperBroker:Contracts:0:Symbol</c>,
/// <c>PaperBroker:Contracts:0:UnderlyingSymbol</c>).
/// </summary>
public sealed class ContractSettings
{
    public string Symbol { get; set; } = "";

    public string UnderlyingSymbol { get; set; } = "";
}
