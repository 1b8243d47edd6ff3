namespace PositionManager.PaperBroker.Accounts;

/// <summary>Account balances at the simulated market, for <c>GET /v2/account</c>.</summary>
public sealed record AccountView(
    Guid Id,
    string AccountNumber,
    DateTimeOffset CreatedAt,
    decimal Cash,
    decimal LongMarketValue,
    decimal ShortMarketValue)
{
    public decimal Equity => Cash + LongMarketValue + ShortMarketValue;

    /// <summary>Reg T style: twice the equity less what positions already use.</summary>
    public decimal BuyingPower => Math.Max(0, 2 * Equity - LongMarketValue + ShortMarketValue);

    /// <summary>Options are paid in full: equity less the value of every position.</summary>
    public decimal OptionsBuyingPower => Math.Max(0, Equity - LongMarketValue + ShortMarketValue);
}
