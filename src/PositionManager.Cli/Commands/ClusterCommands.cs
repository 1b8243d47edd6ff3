using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>cluster show | leave | down | down-unreachable</c>.</summary>
public static class ClusterCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command Create(Terminal terminal)
    {
        var leaveAddress = new Argument<string>("address") { Description = "the member's Akka address, as `cluster show` lists it" };
        var downAddress = new Argument<string>("address") { Description = "the member's Akka address, as `cluster show` lists it" };
        return new Command("cluster", "members, their status and reachability; leave or down a member")
        {
            new Command("show", "every member as the answering node sees it").Does(terminal, async c =>
                c.Show(await c.Client.Get(AdminRoutes.Cluster, Json.ClusterView), Json.ClusterView, Render)),
            new Command("leave", "ask a member to leave gracefully (its shards and singletons hand off)") { leaveAddress }.Does(terminal, async c =>
                Done(c, await c.Client.Post(AdminRoutes.ClusterLeave, new MemberRequest(c.Parse.GetRequiredValue(leaveAddress)), Json.MemberRequest, Json.CommandResult))),
            new Command("down", "mark a member down (when it cannot leave: dead or cut off)") { downAddress }.Does(terminal, async c =>
                Done(c, await c.Client.Post(AdminRoutes.ClusterDown, new MemberRequest(c.Parse.GetRequiredValue(downAddress)), Json.MemberRequest, Json.CommandResult))),
            new Command("down-unreachable", "mark every unreachable member down").Does(terminal, async c =>
                Done(c, await c.Client.Post(AdminRoutes.ClusterDownUnreachable, Json.CommandResult))),
        };
    }

    public static void Done(CommandContext context, CommandResult result) =>
        context.Show(result, Json.CommandResult, (r, o) => o.WriteLine(r.Message));

    private static void Render(ClusterView view, TextWriter output)
    {
        output.WriteLine($"self:   {view.SelfAddress}");
        output.WriteLine($"leader: {view.Leader ?? "none"}");
        var table = new Table("ADDRESS", "STATUS", "REACHABLE", "ROLES", "APP VERSION");
        foreach (var member in view.Members)
        {
            table.Row(member.Address, member.Status, Text.YesNo(member.Reachable), member.Roles.Count == 0 ? "-" : string.Join(',', member.Roles), member.AppVersion);
        }

        table.WriteTo(output, "no members");
    }
}
