namespace PositionManager.Actors.Market;

/// <summary>Whether the node's market clock can be read; each change is logged once.</summary>
public enum MarketClockCondition
{
    /// <summary>No reading yet (the node just started): the market counts as closed.</summary>
    NotYetRead,

    /// <summary>The last read answered.</summary>
    Readable,

    /// <summary>The last read failed: the last reading is kept until its close, then the market counts as closed.</summary>
    Unreadable,
}
