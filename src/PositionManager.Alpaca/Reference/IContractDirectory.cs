using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Symbols;

namespace PositionManager.Alpaca.Reference;

/// <summary>
/// What the broker says an option contract is (Alpaca's <c>GET /v2/options/contracts/{symbol}</c>),
/// above all its <see cref="OptionContract.UnderlyingSymbol"/>: adjusted contracts (<c>LCID1…</c>)
/// and index weeklies (<c>SPXW…</c>) have a root that is not their underlying, so the underlying
/// is read here, never derived from the symbol.
/// </summary>
public interface IContractDirectory
{
    /// <summary>The contract with exactly this symbol; <c>null</c> value when the broker knows none (404).</summary>
    Task<BrokerResult<OptionContract?>> GetContractAsync(OptionSymbol symbol, CancellationToken cancellationToken);
}
