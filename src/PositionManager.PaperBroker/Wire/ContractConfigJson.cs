namespace PositionManager.PaperBroker.Wire;

/// <summary>Body of <c>PUT /_paper/contracts/{symbol}</c>: the underlying of an adjusted contract.</summary>
public sealed record ContractConfigJson(string? UnderlyingSymbol);
