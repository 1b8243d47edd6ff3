namespace PositionManager.Alpaca.MarketData.Wire;

/// <summary><c>GET /v1beta1/options/quotes/latest</c>: <c>{"quotes":{"SYM":{…}}}</c>.</summary>
internal sealed record LatestQuotesJson
{
    public Dictionary<string, OptionQuoteJson?>? Quotes { get; init; }
}
