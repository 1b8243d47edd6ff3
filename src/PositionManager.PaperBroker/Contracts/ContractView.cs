using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Contracts;

/// <summary>A contract the broker knows, as <c>GET /v2/options/contracts/{symbol}</c> describes it.</summary>
/// <param name="Active">Until the end of its expiry date in New York; inactive (and not tradable) after it.</param>
public sealed record ContractView(OccSymbol Contract, string Symbol, string UnderlyingSymbol, bool Active);
