namespace PositionManager.Alpaca.MarketData;

/// <summary>Alpaca's options data feeds (the <c>feed</c> query parameter).</summary>
public enum OptionsFeed
{
    /// <summary>Free, delayed and derived from OPRA: what every account may poll.</summary>
    Indicative,

    /// <summary>The consolidated OPRA feed; needs a market data subscription.</summary>
    Opra,
}
