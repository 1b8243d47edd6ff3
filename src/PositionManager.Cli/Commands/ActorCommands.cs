using System.CommandLine;
using PositionManager.Admin;

namespace PositionManager.Cli.Commands;

/// <summary><c>actor hierarchy</c>.</summary>
public static class ActorCommands
{
    public static Command Create(Terminal terminal)
    {
        var depth = new Option<int>("--depth") { Description = "levels below the root to show (1-10)", DefaultValueFactory = _ => 4 };
        return new Command("actor", "the answering node's actors")
        {
            new Command("hierarchy", "actors under /user and /system, as a tree") { depth }.Does(terminal, async c =>
                c.Show(await c.Client.Get($"{AdminRoutes.ActorHierarchy}?depth={c.Parse.GetValue(depth)}", AdminJsonContext.Default.ActorHierarchyView), AdminJsonContext.Default.ActorHierarchyView, Render)),
        };
    }

    private static void Render(ActorHierarchyView view, TextWriter output)
    {
        foreach (var path in view.Paths.Order(StringComparer.Ordinal))
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            output.WriteLine($"{new string(' ', 2 * (segments.Length - 1))}{segments[^1]}");
        }

        if (view.Truncated)
        {
            output.WriteLine("(more actors below; raise --depth to see them)");
        }
    }
}
