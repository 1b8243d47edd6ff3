namespace PositionManager.Domain.Quotes;

/// <summary>Which price of a quote a position watches.</summary>
public enum PriceSource
{
    /// <summary>What a sell would get: the conservative choice for long positions.</summary>
    Bid,

    Mid,

    /// <summary>The last trade; options trade thinly, so it can be old.</summary>
    Last,

    /// <summary>What a buy to close would pay: the conservative choice for shorts.</summary>
    Ask,
}
