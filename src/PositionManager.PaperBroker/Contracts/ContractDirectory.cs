using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Market;
using PositionManager.PaperBroker.Time;

namespace PositionManager.PaperBroker.Contracts;

/// <summary>
/// The option contracts the broker knows: every OCC symbol it holds, quotes (a configured or set
/// quote path, or one a client asked for) or was told about. Its underlying is its OCC root as
/// written, unless configured otherwise: an adjusted contract's root (<c>LCID1</c>) is not its
/// underlying (<c>LCID</c>), and the broker never guesses one by trimming digits. Any other symbol
/// is unknown, as Alpaca answers a contract it does not list: 404.
/// </summary>
public sealed class ContractDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _underlyings = new(StringComparer.Ordinal);
    private readonly PaperAccount _account;
    private readonly MarketSimulator _market;
    private readonly TimeProvider _time;

    /// <param name="configured">Symbol to underlying; every entry must pass <see cref="Problem"/>.</param>
    public ContractDirectory(PaperAccount account, MarketSimulator market, TimeProvider time, IEnumerable<KeyValuePair<string, string>> configured)
    {
        _account = account;
        _market = market;
        _time = time;
        foreach (var (symbol, underlying) in configured)
        {
            if (Problem(symbol, underlying) is { } problem)
            {
                throw new ArgumentException(problem, nameof(configured));
            }

            _underlyings[symbol] = underlying;
        }
    }

    /// <summary>Why this symbol cannot be configured with this underlying, or null.</summary>
    public static string? Problem(string? symbol, string? underlying)
    {
        if (!OccSymbol.IsOption(symbol))
        {
            return $"contract '{symbol}' is not an OCC option symbol";
        }

        return IsTicker(underlying) ? null : $"contract {symbol}: underlying_symbol '{underlying}' is not a ticker (upper-case letters, digits, '.')";
    }

    /// <summary>The contract by OCC symbol or by its id (<see cref="AssetIds.For"/> of the symbol); null when unknown.</summary>
    public ContractView? Find(string symbolOrId)
    {
        var symbol = OccSymbol.IsOption(symbolOrId) ? symbolOrId : Guid.TryParse(symbolOrId, out var id) ? SymbolOf(id) : null;
        if (symbol is null || !OccSymbol.TryRead(symbol, out var contract))
        {
            return null;
        }

        string? configured;
        lock (_gate)
        {
            configured = _underlyings.GetValueOrDefault(symbol);
        }

        if (configured is null && !_account.Holds(symbol) && !_market.Quotes(symbol))
        {
            return null;
        }

        var active = contract.Expiry >= MarketCalendar.Today(_time.GetUtcNow());
        return new ContractView(contract, symbol, configured ?? contract.Root, active);
    }

    /// <summary>Makes the contract known with this underlying (an adjusted contract); 422 for a bad symbol or ticker.</summary>
    public BrokerError? Configure(string symbol, string? underlying)
    {
        if (Problem(symbol, underlying) is { } problem)
        {
            return BrokerError.Invalid(problem);
        }

        lock (_gate)
        {
            _underlyings[symbol] = underlying!;
        }

        return null;
    }

    /// <summary>Drops a configured underlying: the contract's underlying is its root again (if the broker still knows it).</summary>
    public bool Forget(string symbol)
    {
        lock (_gate)
        {
            return _underlyings.Remove(symbol);
        }
    }

    private string? SymbolOf(Guid id)
    {
        List<string> candidates;
        lock (_gate)
        {
            candidates = [.. _underlyings.Keys];
        }

        candidates.AddRange(_account.HeldSymbols());
        candidates.AddRange(_market.QuotedSymbols());
        return candidates.FirstOrDefault(s => OccSymbol.IsOption(s) && AssetIds.For(s) == id);
    }

    private static bool IsTicker(string? text) =>
        text is { Length: > 0 and <= 16 } && text.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.');
}
