namespace PositionManager.Actors.Nodes;

/// <summary>What a node trades with, as its start log and <c>pmctl node version</c> say it.</summary>
public enum BrokerKind
{
    /// <summary>The PaperBroker the node started in-process (no Alpaca keys were given).</summary>
    Embedded,

    /// <summary>Alpaca's paper trading host.</summary>
    Paper,

    /// <summary>Alpaca's live trading host: real money.</summary>
    Live,

    /// <summary>A URL that is neither of Alpaca's hosts, e.g. a PaperBroker run on its own.</summary>
    Other,
}
