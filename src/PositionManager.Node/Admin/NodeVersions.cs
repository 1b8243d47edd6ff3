using Akka.Actor;
using Akka.Cluster;
using PositionManager.Actors.Nodes;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>node version</c>: every member's build, asked of its node-info actor; a member that does not answer is listed with why.</summary>
internal sealed class NodeVersions(ActorSystem system, AdminTimeouts timeouts)
{
    public async Task<IReadOnlyList<NodeVersionView>> All()
    {
        var members = Akka.Cluster.Cluster.Get(system).State.Members
            .Where(m => m.Status is not (MemberStatus.Down or MemberStatus.Removed))
            .Select(m => m.Address)
            .OrderBy(a => a.ToString(), StringComparer.Ordinal);
        return await Task.WhenAll(members.Select(Ask));
    }

    private async Task<NodeVersionView> Ask(Address address)
    {
        var path = new RootActorPath(address) / "user" / NodeInfoActor.Name;
        try
        {
            var info = await Asks.Ask<NodeInfoProtocol.NodeInfo>(system.ActorSelection(path), NodeInfoProtocol.GetNodeInfo.Instance, timeouts.Query, address.ToString());
            return new NodeVersionView(address.ToString(), info.Version, info.Commit, info.StartedAt, null);
        }
        catch (AdminProblem silent)
        {
            return new NodeVersionView(address.ToString(), null, null, null, silent.Message);
        }
    }
}
