using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>node version</c>.</summary>
public static class NodeCommands
{
    public static Command Create(Terminal terminal)
    {
        var live = new Option<bool>("--live") { Description = "liveness (the actor system runs) instead of readiness" };
        return new Command("node", "the nodes themselves")
        {
            new Command("version", "every member's version, git commit and broker (embedded, paper, live or other): what is really running, against what").Does(terminal, async c =>
                c.Show(await c.Client.Get(AdminRoutes.Nodes, AdminJsonContext.Default.IReadOnlyListNodeVersionView), AdminJsonContext.Default.IReadOnlyListNodeVersionView, Render)),
            new Command("health", "the answering node's readiness (Up and its region registered); exit 1 when not ready (a container health check)") { live }.Does(terminal, async c =>
            {
                var (healthy, report) = await c.Client.Health(c.Parse.GetValue(live) ? AdminRoutes.Liveness : AdminRoutes.Readiness);
                c.Show(report, AdminJsonContext.Default.HealthReportView, RenderHealth);
                if (!healthy)
                {
                    throw new PmctlError($"not {(c.Parse.GetValue(live) ? "live" : "ready")}: {string.Join("; ", report.Checks.Where(k => k.Value.Status != "Healthy").Select(k => $"{k.Key}: {k.Value.Description}"))}");
                }
            }),
        };
    }

    private static void RenderHealth(HealthReportView report, TextWriter output)
    {
        output.WriteLine(report.Status);
        foreach (var (name, check) in report.Checks)
        {
            output.WriteLine($"  {name}: {check.Status} ({check.Description})");
        }
    }

    /// <summary>An other broker is named by its host: "other" alone would not say which PaperBroker or proxy it is.</summary>
    private static string? Broker(NodeVersionView node) => node switch
    {
        { Broker: "other", BrokerHost: { } host } => $"other ({host})",
        { Broker: { } kind } => kind,
        { Version: not null } => "? (a build that does not say)",
        _ => null,
    };

    private static void Render(IReadOnlyList<NodeVersionView> nodes, TextWriter output)
    {
        var table = new Table("MEMBER", "VERSION", "COMMIT", "STARTED", "BROKER");
        foreach (var n in nodes)
        {
            table.Row(n.Address, n.Version ?? $"? ({n.Error})", n.Commit, Text.Time(n.StartedAt), Broker(n));
        }

        table.WriteTo(output, "no members");
    }
}
