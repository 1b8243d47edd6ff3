using Akka.Actor;
using Akka.Cluster;
using PositionManager.Admin;

namespace PositionManager.Node.Admin;

/// <summary><c>cluster show | leave | down | down-unreachable</c>, as this node's cluster extension sees and does them.</summary>
internal sealed class ClusterAdmin(ActorSystem system)
{
    private Akka.Cluster.Cluster Cluster => Akka.Cluster.Cluster.Get(system);

    public ClusterView Show()
    {
        var state = Cluster.State;
        var unreachable = state.Unreachable.Select(m => m.Address).ToHashSet();
        var members = state.Members
            .OrderBy(m => m.Address.ToString(), StringComparer.Ordinal)
            .Select(m => new MemberView(m.Address.ToString(), m.Status.ToString(), [.. m.Roles.Order(StringComparer.Ordinal)], !unreachable.Contains(m.Address), m.AppVersion.ToString()))
            .ToList();
        return new ClusterView(Cluster.SelfAddress.ToString(), state.Leader?.ToString(), members);
    }

    public CommandResult Leave(MemberRequest? request)
    {
        var member = Find(request);
        Cluster.Leave(member.Address);
        return new CommandResult($"{member.Address} asked to leave: its shards and singletons hand off, then it shuts down");
    }

    public CommandResult Down(MemberRequest? request)
    {
        var member = Find(request);
        Cluster.Down(member.Address);
        return new CommandResult($"{member.Address} marked down: the cluster removes it without waiting for it");
    }

    public CommandResult DownUnreachable()
    {
        var unreachable = Cluster.State.Unreachable.Select(m => m.Address).OrderBy(a => a.ToString(), StringComparer.Ordinal).ToList();
        foreach (var address in unreachable)
        {
            Cluster.Down(address);
        }

        return new CommandResult(unreachable.Count == 0
            ? "no member is unreachable; nothing was downed"
            : $"marked down: {string.Join(", ", unreachable)}");
    }

    private Member Find(MemberRequest? request)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Address))
        {
            throw AdminProblem.BadRequest("a member address is required (akka.tcp://position-manager@host:port)");
        }

        Address address;
        try
        {
            address = Address.Parse(request.Address.Trim());
        }
        catch (Exception e) when (e is UriFormatException or FormatException or ArgumentException)
        {
            throw AdminProblem.BadRequest($"'{request.Address}' is not an Akka address (akka.tcp://position-manager@host:port)");
        }

        return Cluster.State.Members.FirstOrDefault(m => m.Address.Equals(address))
            ?? throw AdminProblem.NotFound($"{address} is not a member of this cluster (see `pmctl cluster show`)");
    }
}
