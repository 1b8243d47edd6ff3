using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>alerts</c> and <c>reconcile now</c>.</summary>
public static class ReconcilerCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command Alerts(Terminal terminal) =>
        new Command("alerts", "what the reconciler found and will not trade its way out of (shorts, stock, drift)").Does(terminal, async c =>
            c.Show(await c.Client.Get(AdminRoutes.Alerts, Json.IReadOnlyListAlertView), Json.IReadOnlyListAlertView, RenderAlerts));

    public static Command Reconcile(Terminal terminal) =>
        new Command("reconcile", "compare the broker's positions with ours")
        {
            new Command("now", "run a pass now and show what it did").Does(terminal, async c =>
                c.Show(await c.Client.Post(AdminRoutes.Reconcile, Json.ReconcileView), Json.ReconcileView, RenderPass)),
        };

    private static void RenderAlerts(IReadOnlyList<AlertView> alerts, TextWriter output)
    {
        var table = new Table("KIND", "SYMBOL", "SINCE", "LAST SEEN", "MESSAGE");
        foreach (var a in alerts)
        {
            table.Row(a.Kind, a.Symbol, Text.Time(a.FirstSeenAt), Text.Time(a.LastSeenAt), a.Message);
        }

        table.WriteTo(output, "no alerts");
    }

    private static void RenderPass(ReconcileView pass, TextWriter output)
    {
        if (pass.Failure is { } failure)
        {
            output.WriteLine($"pass at {Text.Time(pass.At)} FAILED, nothing changed: {failure}");
            return;
        }

        output.WriteLine($"pass at {Text.Time(pass.At)}: {pass.BrokerPositions} broker positions");
        output.WriteLine($"adopted:     {(pass.Adopted.Count == 0 ? "none" : string.Join(' ', pass.Adopted))}");
        output.WriteLine($"marked flat: {(pass.MarkedFlat.Count == 0 ? "none" : string.Join(' ', pass.MarkedFlat))}");
        RenderAlerts(pass.Alerts, output);
    }
}
