using Akka.Actor;
using Akka.Cluster;

namespace PositionManager.Actors.Nodes;

/// <summary>Answers <see cref="NodeInfoProtocol.GetNodeInfo"/> with this node's build, start time and the broker it trades with.</summary>
public sealed class NodeInfoActor : ReceiveActor
{
    public const string Name = "node-info";

    public const string Path = "/user/" + Name;

    public NodeInfoActor(BuildInfo build, DateTimeOffset startedAt, TradingBroker? broker)
    {
        var address = Cluster.Get(Context.System).SelfAddress.ToString();
        var info = new NodeInfoProtocol.NodeInfo(address, build.Version, build.Commit, startedAt, broker);
        Receive<NodeInfoProtocol.GetNodeInfo>(_ => Sender.Tell(info));
    }

    public static Props Props(BuildInfo build, DateTimeOffset startedAt, TradingBroker? broker) => Akka.Actor.Props.Create(() => new NodeInfoActor(build, startedAt, broker));
}
