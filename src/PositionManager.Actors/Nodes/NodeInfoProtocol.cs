namespace PositionManager.Actors.Nodes;

/// <summary>Every node answers at <see cref="NodeInfoActor.Path"/> with what it runs, so one admin call can list the whole cluster's builds.</summary>
public static class NodeInfoProtocol
{
    public sealed record GetNodeInfo : IPositionManagerMessage
    {
        public static readonly GetNodeInfo Instance = new();
    }

    public sealed record NodeInfo(string Address, string Version, string Commit, DateTimeOffset StartedAt) : IPositionManagerMessage;
}
