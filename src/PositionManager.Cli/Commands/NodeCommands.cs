using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>node version</c>.</summary>
public static class NodeCommands
{
    public static Command Create(Terminal terminal) =>
        new Command("node", "the nodes themselves")
        {
            new Command("version", "every member's version and git commit: what is really running").Does(terminal, async c =>
                c.Show(await c.Client.Get(AdminRoutes.Nodes, AdminJsonContext.Default.IReadOnlyListNodeVersionView), AdminJsonContext.Default.IReadOnlyListNodeVersionView, Render)),
        };

    private static void Render(IReadOnlyList<NodeVersionView> nodes, TextWriter output)
    {
        var table = new Table("MEMBER", "VERSION", "COMMIT", "STARTED");
        foreach (var n in nodes)
        {
            table.Row(n.Address, n.Version ?? $"? ({n.Error})", n.Commit, Text.Time(n.StartedAt));
        }

        table.WriteTo(output, "no members");
    }
}
