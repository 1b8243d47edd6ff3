namespace PositionManager.PaperBroker.Wire;

/// <summary><c>GET /v2/account</c>: money as strings, option levels as numbers (docs/ALPACA.md).</summary>
public sealed record AccountJson
{
    public required string Id { get; init; }

    public required string AccountNumber { get; init; }

    public string Status { get; init; } = "ACTIVE";

    public string Currency { get; init; } = "USD";

    public required string Cash { get; init; }

    public required string BuyingPower { get; init; }

    public required string RegtBuyingPower { get; init; }

    public required string DaytradingBuyingPower { get; init; }

    public required string OptionsBuyingPower { get; init; }

    public int OptionsApprovedLevel { get; init; } = 3;

    public int OptionsTradingLevel { get; init; } = 3;

    public required string Equity { get; init; }

    public required string LastEquity { get; init; }

    public required string PortfolioValue { get; init; }

    public required string LongMarketValue { get; init; }

    public required string ShortMarketValue { get; init; }

    public string Multiplier { get; init; } = "2";

    public bool PatternDayTrader { get; init; }

    public bool TradingBlocked { get; init; }

    public bool TransfersBlocked { get; init; }

    public bool AccountBlocked { get; init; }

    public bool ShortingEnabled { get; init; } = true;

    public bool TradeSuspendedByUser { get; init; }

    public int DaytradeCount { get; init; }

    public required string CreatedAt { get; init; }
}
