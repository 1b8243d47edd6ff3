using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>gateway status | halt | resume</c> and <c>orders recent</c>.</summary>
public static class GatewayCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command Create(Terminal terminal)
    {
        var reason = new Option<string>("--reason") { Description = "why (kept with the halt, shown to whoever resumes)", Required = true };
        return new Command("gateway", "the one path to the broker: its kill switch and queue")
        {
            new Command("status", "kill switch, queued intents, trade-update stream").Does(terminal, async c =>
                c.Show(await c.Client.Get(AdminRoutes.Gateway, Json.GatewayView), Json.GatewayView, RenderStatus)),
            new Command("halt", "kill switch on: refuse every order not yet sent, across restarts, until resumed") { reason }.Does(terminal, async c =>
                ClusterCommands.Done(c, await c.Client.Post(AdminRoutes.GatewayHalt, new HaltRequest(c.Parse.GetRequiredValue(reason)), Json.HaltRequest, Json.CommandResult))),
            new Command("resume", "kill switch off: queued closes go to the broker again").Does(terminal, async c =>
                ClusterCommands.Done(c, await c.Client.Post(AdminRoutes.GatewayResume, Json.CommandResult))),
        };
    }

    public static Command Orders(Terminal terminal)
    {
        var limit = new Option<int>("--limit") { Description = "how many (1-50)", DefaultValueFactory = _ => 20 };
        return new Command("orders", "what the gateway was asked to send")
        {
            new Command("recent", "the latest close intents and what became of each, newest first") { limit }.Does(terminal, async c =>
                c.Show(await c.Client.Get($"{AdminRoutes.Orders}?limit={c.Parse.GetValue(limit)}", Json.IReadOnlyListOrderView), Json.IReadOnlyListOrderView, RenderOrders)),
        };
    }

    private static void RenderStatus(GatewayView status, TextWriter output)
    {
        output.WriteLine(status.Halted ? $"HALTED: {status.HaltReason}" : "running (not halted)");
        output.WriteLine($"queued intents:        {status.Queued}");
        output.WriteLine($"trade-update stream:   {(status.StreamListening ? "listening" : "not connected (orders are polled)")}");
        output.WriteLine($"recent intents known:  {status.RecentOrders}");
    }

    private static void RenderOrders(IReadOnlyList<OrderView> orders, TextWriter output)
    {
        var table = new Table("RECEIVED", "CLIENT ORDER ID", "SYMBOL", "SIDE", "INTENT", "QTY", "REASON", "STAGE", "OUTCOME");
        foreach (var o in orders)
        {
            var outcome = o.RefusalReason is { } refused ? $"refused: {refused}"
                : o.FinalStatus is { } final ? $"{final}, {o.FilledQuantity} filled{(o.FilledAveragePrice is { } avg ? $" at {Text.Money(avg)}" : string.Empty)}"
                : o.BrokerOrderId is { } id ? $"at broker as {id}" : "-";
            table.Row(Text.Time(o.ReceivedAt), o.ClientOrderId, o.Symbol, o.Side, o.Intent, o.Quantity.ToString(), o.Reason, o.Stage, outcome);
        }

        table.WriteTo(output, "no orders yet");
    }
}
