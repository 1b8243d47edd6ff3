namespace PositionManager.Actors.Nodes;

/// <summary>Every node answers at <see cref="NodeInfoActor.Path"/> with what it runs, so one admin call can list the whole cluster's builds.</summary>
public static class NodeInfoProtocol
{
    public sealed record GetNodeInfo : IPositionManagerMessage
    {
        public static readonly GetNodeInfo Instance = new();
    }

    /// <summary>
    /// The answer of this version (<c>node.NodeInfo.v2</c>). <paramref name="Broker"/> is null only
    /// from a host that does not say (the test and benchmark hosts that build their own setup).
    /// </summary>
    public sealed record NodeInfo(string Address, string Version, string Commit, DateTimeOffset StartedAt, TradingBroker? Broker) : IPositionManagerMessage;

    /// <summary>The answer of a node built before the broker was reported (<c>node.NodeInfo.v1</c>): still read during a rolling deploy.</summary>
    public sealed record NodeInfoV1(string Address, string Version, string Commit, DateTimeOffset StartedAt) : IPositionManagerMessage;
}
