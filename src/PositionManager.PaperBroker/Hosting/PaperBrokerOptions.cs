using PositionManager.PaperBroker.Accounts;
using PositionManager.PaperBroker.Faults;

namespace PositionManager.PaperBroker.Hosting;

/// <summary>
/// Everything the broker can be told at start (configuration section <c>PaperBroker</c>). The
/// defaults are the demo: any non-empty key pair, a seeded account, moving quotes, instant fills.
/// </summary>
public sealed class PaperBrokerOptions
{
    /// <summary>With both keys set only this pair is accepted; otherwise any non-empty pair.</summary>
    public string? ApiKeyId { get; set; }

    public string? ApiSecretKey { get; set; }

    /// <summary>Open the demo account: a few long calls/puts and one stock position.</summary>
    public bool SeedDemoAccount { get; set; } = true;

    public decimal StartingCash { get; set; } = 100_000m;

    /// <summary>Alpaca's default budget: 200 requests per minute.</summary>
    public int RateLimitPerMinute { get; set; } = 200;

    /// <summary>Market-data REST's own budget: 200 on Alpaca's free plan, 10,000 on Algo Trader Plus (the default here).</summary>
    public int MarketDataRateLimitPerMinute { get; set; } = 10_000;

    /// <summary>
    /// The demo's market: open at every instant, so exits show at any hour (see
    /// <see cref="Time.MarketCalendar"/> for exactly what the clock and calendar answer). False:
    /// weekday sessions 09:30-16:00 New York, with <see cref="MarketHolidays"/> and
    /// <see cref="MarketEarlyCloses"/>, on the broker's clock.
    /// </summary>
    public bool MarketAlwaysOpen { get; set; } = true;

    /// <summary>Weekdays without a session (<c>PaperBroker:MarketHolidays:0=2026-11-26</c>); none by default.</summary>
    public List<DateOnly> MarketHolidays { get; set; } = [];

    /// <summary>Weekdays whose session closes at 13:00 New York (<c>PaperBroker:MarketEarlyCloses:0=2026-11-27</c>).</summary>
    public List<DateOnly> MarketEarlyCloses { get; set; } = [];

    /// <summary>Contracts whose underlying is not their OCC root (adjusted contracts).</summary>
    public List<ContractSettings> Contracts { get; set; } = [];

    /// <summary>Seed of every default random walk: the same seed, the same prices.</summary>
    public int RandomSeed { get; set; } = 42;

    /// <summary>How often the system clock's background loop works due orders. Ignored under a
    /// manual clock, where tests call <see cref="PaperBrokerHost.Advance"/>.</summary>
    public TimeSpan PumpInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often, on the system clock, the quote stream looks for quotes that moved with time
    /// (random walks, CSV paths). Ignored under a manual clock, where advancing time does it.</summary>
    public TimeSpan QuoteStreamInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public FillSettings Fills { get; set; } = new();

    public FaultSettings Faults { get; set; } = new();

    public List<QuotePathSettings> Quotes { get; set; } = [];

    public List<SeedPositionSettings> Positions { get; set; } = [];
}
