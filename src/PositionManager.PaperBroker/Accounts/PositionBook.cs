using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Accounts;

/// <summary>Cash and positions. Not thread-safe: <see cref="PaperAccount"/> serialises access.</summary>
internal sealed class PositionBook(decimal startingCash)
{
    private readonly Dictionary<string, PaperPosition> _positions = new(StringComparer.Ordinal);

    public decimal Cash { get; private set; } = startingCash;

    public IEnumerable<PaperPosition> All => _positions.Values.OrderBy(p => p.Symbol, StringComparer.Ordinal);

    public PaperPosition? Find(string symbol) => _positions.GetValueOrDefault(symbol);

    public decimal QtyOf(string symbol) => Find(symbol)?.Qty ?? 0m;

    /// <summary>Books a fill and returns the signed position after it.</summary>
    public decimal ApplyFill(string symbol, AssetClass assetClass, decimal signedQty, decimal price)
    {
        var multiplier = assetClass == AssetClass.UsOption ? 100m : 1m;
        Cash -= signedQty * price * multiplier;
        var held = Find(symbol);
        var before = held?.Qty ?? 0m;
        var after = before + signedQty;
        if (after == 0)
        {
            _positions.Remove(symbol);
            return 0m;
        }

        decimal average;
        if (before == 0 || Math.Sign(before) == Math.Sign(signedQty))
        {
            average = ((held?.AvgEntryPrice ?? 0m) * Math.Abs(before) + price * Math.Abs(signedQty)) / Math.Abs(after);
        }
        else
        {
            // Reducing keeps the entry price; crossing zero (only reachable by seeding) starts anew.
            average = Math.Sign(after) == Math.Sign(before) ? held!.AvgEntryPrice : price;
        }

        _positions[symbol] = new PaperPosition(symbol, AssetIds.For(symbol), assetClass, after, Math.Round(average, 6));
        return after;
    }

    /// <summary>Sets a position outright (seeding for demos and tests); cash is not touched.</summary>
    public void Set(string symbol, AssetClass assetClass, decimal qty, decimal avgEntryPrice)
    {
        if (qty == 0)
        {
            _positions.Remove(symbol);
            return;
        }

        _positions[symbol] = new PaperPosition(symbol, AssetIds.For(symbol), assetClass, qty, avgEntryPrice);
    }

    public void Reset(decimal cash)
    {
        _positions.Clear();
        Cash = cash;
    }

    public PositionView View(PaperPosition position, decimal reserved, MarketSimulator market, DateTimeOffset now)
    {
        var current = market.QuoteAt(position.Symbol, now).Mid;
        var lastday = market.QuoteAt(position.Symbol, now.AddDays(-1)).Mid;
        return new PositionView(position, Math.Max(0, Math.Abs(position.Qty) - reserved), current, lastday);
    }
}
