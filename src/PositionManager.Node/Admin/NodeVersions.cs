using Akka.Actor;
using Akka.Cluster;
using PositionManager.Actors.Nodes;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>node version</c>: every member's build and broker, asked of its node-info actor; a member that does not answer is listed with why.</summary>
internal sealed class NodeVersions(ActorSystem system, AdminTimeouts timeouts)
{
    public async Task<IReadOnlyList<NodeVersionView>> All()
    {
        // The node asked is listed even before it has joined its own cluster (just after start).
        var cluster = Akka.Cluster.Cluster.Get(system);
        var members = cluster.State.Members
            .Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed))
            .Select(m => m.Address)
            .Append(cluster.SelfAddress)
            .Distinct()
            .OrderBy(a => a.ToString(), StringComparer.Ordinal);
        return await Task.WhenAll(members.Select(Ask));
    }

    /// <summary>A member still on the build before the broker was reported answers <c>node.NodeInfo.v1</c> (a rolling deploy): its broker is unknown, not a guess.</summary>
    internal static NodeVersionView View(string address, object answer) => answer switch
    {
        NodeInfoProtocol.NodeInfo info => new NodeVersionView(address, info.Version, info.Commit, info.StartedAt, null, BrokerName(info.Broker), info.Broker?.Host),
        NodeInfoProtocol.NodeInfoV1 old => new NodeVersionView(address, old.Version, old.Commit, old.StartedAt, null),
        _ => new NodeVersionView(address, null, null, null, $"{address} answered something other than its node info ({answer.GetType().Name})"),
    };

    private static string? BrokerName(TradingBroker? broker) => broker?.Kind.ToString().ToLowerInvariant();

    private async Task<NodeVersionView> Ask(Address address)
    {
        var path = new RootActorPath(address) / "user" / NodeInfoActor.Name;
        try
        {
            var answer = await Asks.Ask<object>(system.ActorSelection(path), NodeInfoProtocol.GetNodeInfo.Instance, timeouts.Query, address.ToString());
            return View(address.ToString(), answer);
        }
        catch (AdminProblem silent)
        {
            return new NodeVersionView(address.ToString(), null, null, null, silent.Message);
        }
    }
}
