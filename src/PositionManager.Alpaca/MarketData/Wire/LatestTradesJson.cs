namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary><c>GET /v1beta1/options/trades/latest</c>: <c>{"trades":{"SYM":{…}}}</c>.</summary>
internal sealed record LatestTradesJson
{
    public Dictionary<string, OptionTradeJson?>? Trades { get; init; }
}
