using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Market;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// What a new user sees with no settings: three long option positions and one stock position, on
/// seeded random walks near their entry prices. Expiries are two months out, so the contracts are
/// never expired whenever the demo runs.
/// </summary>
public static class DemoAccount
{
    public static void Open(PaperAccount account, MarketSimulator market, int seed)
    {
        var expiry = ThirdFriday(DateOnly.FromDateTime(market.Start.UtcDateTime).AddMonths(2));
        var holdings = new (string Symbol, decimal Qty, decimal Entry, double Volatility, decimal Spread)[]
        {
            (OccSymbol.Spell("GOOGL", expiry, OccSymbol.Call, 340m), 2, 12.40m, 0.01, 0.03m),
            (OccSymbol.Spell("SPY", expiry, OccSymbol.Put, 550m), 3, 8.10m, 0.01, 0.02m),
            (OccSymbol.Spell("AAPL", expiry, OccSymbol.Call, 250m), 1, 6.25m, 0.01, 0.03m),
            ("AAPL", 100, 231.50m, 0.0005, 0.0004m),
        };

        foreach (var (symbol, qty, entry, volatility, spread) in holdings)
        {
            account.SeedPosition(symbol, qty, entry);
            market.SetPath(symbol, new RandomWalkQuotePath(seed ^ StableHash.Of(symbol), market.Start, entry, TimeSpan.FromSeconds(1), volatility, spread));
        }
    }

    private static DateOnly ThirdFriday(DateOnly inMonth)
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        var offset = ((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 14);
    }
}
