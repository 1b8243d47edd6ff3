using System.Collections.Concurrent;
using PositionManager.PaperBroker.Accounts;

namespace PositionManager.PaperBroker.Market;

/// <summary>
/// Quotes for every symbol the broker is asked about. A symbol without a configured path gets a
/// seeded random walk (derived from the broker's seed and the symbol), so any valid contract can be
/// quoted and filled, and the same run always sees the same prices.
/// </summary>
public sealed class MarketSimulator(TimeProvider time, int seed)
{
    private readonly ConcurrentDictionary<string, IQuotePath> _paths = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public TimeProvider Time => time;

    /// <summary>When the simulator started: relative scripted and CSV times count from here.</summary>
    public DateTimeOffset Start => _start;

    /// <summary>
    /// Raised when quotes may have changed: a path or quote was set, or time moved. Quotes are
    /// functions of time, so listeners (the quote stream) read them again to see what changed.
    /// </summary>
    public event Action? Moved;

    public void SetPath(string symbol, IQuotePath path)
    {
        _paths[symbol] = path;
        Moved?.Invoke();
    }

    /// <summary>Holds one bid/ask from now on (the control API's and tests' way to set a price).</summary>
    public void SetQuote(string symbol, decimal bid, decimal ask, int bidSize = 10, int askSize = 10) =>
        SetPath(symbol, ScriptedQuotePath.Fixed(time.GetUtcNow(), bid, ask, bidSize, askSize));

    /// <summary>Time moved (a manual clock advanced, or the system clock's ticker fired).</summary>
    public void NotifyTimeMoved() => Moved?.Invoke();

    /// <summary>Whether the symbol has a quote path: configured, set, or made when it was first asked for.</summary>
    public bool Quotes(string symbol) => _paths.ContainsKey(symbol);

    public IReadOnlyList<string> QuotedSymbols() => [.. _paths.Keys];

    public SimQuote QuoteOf(string symbol) => QuoteAt(symbol, time.GetUtcNow());

    public SimQuote QuoteAt(string symbol, DateTimeOffset at) => _paths.GetOrAdd(symbol, DefaultPath).QuoteAt(at);

    private RandomWalkQuotePath DefaultPath(string symbol)
    {
        var isOption = OccSymbol.IsOption(symbol);
        var symbolSeed = StableHash.Of(symbol) ^ seed;
        var startMid = isOption ? 1.00m + (symbolSeed % 900) / 100m : 20m + (symbolSeed % 30000) / 100m;
        return new RandomWalkQuotePath(symbolSeed, _start, startMid, TimeSpan.FromSeconds(1), isOption ? 0.01 : 0.001, isOption ? 0.04m : 0.0005m);
    }
}
