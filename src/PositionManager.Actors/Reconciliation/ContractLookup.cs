namespace PositionManager.Actors.Reconciliation;

/// <summary>What the broker said a contract is: its underlying, or that it knows no such contract (404).</summary>
internal sealed record ContractLookup(string Symbol, string? UnderlyingSymbol)
{
    public bool Known => UnderlyingSymbol is not null;
}
