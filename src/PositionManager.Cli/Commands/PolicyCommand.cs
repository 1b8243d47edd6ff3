using System.CommandLine;
using PositionManager.Admin;

namespace PositionManager.Cli.Commands;

/// <summary><c>position policy &lt;symbol&gt; [--trailing-stop-percent N] … [--clear part]</c>: change parts of one position's exit policy.</summary>
public static class PolicyCommand
{
    public static Command Create(Terminal terminal)
    {
        var symbol = PositionCommands.SymbolArgument();
        var trailingPercent = new Option<decimal?>("--trailing-stop-percent") { Description = "trail this percent behind the peak" };
        var trailingAmount = new Option<decimal?>("--trailing-stop-amount") { Description = "trail this price amount behind the peak" };
        var activation = new Option<decimal?>("--trailing-activation-percent") { Description = "arm the trail at this gain over entry" };
        var stopLoss = new Option<decimal?>("--stop-loss-percent") { Description = "exit this percent below entry" };
        var takeProfit = new Option<decimal?>("--take-profit-percent") { Description = "exit this percent above entry" };
        var source = new Option<string?>("--price-source") { Description = "the price watched" };
        source.AcceptOnlyFromAmong("bid", "mid", "last");
        var clear = new Option<string[]>("--clear") { Description = "remove a part of the policy", AllowMultipleArgumentsPerToken = false };
        clear.AcceptOnlyFromAmong("trailing", "stop-loss", "take-profit");
        return new Command("policy", "change parts of the position's exit policy; what is not given stays")
        {
            symbol, trailingPercent, trailingAmount, activation, stopLoss, takeProfit, source, clear,
        }.Does(terminal, async c =>
        {
            var set = new PolicyView(
                c.Parse.GetValue(trailingPercent),
                c.Parse.GetValue(trailingAmount),
                c.Parse.GetValue(activation),
                c.Parse.GetValue(stopLoss),
                c.Parse.GetValue(takeProfit),
                c.Parse.GetValue(source));
            var parts = c.Parse.GetValue(clear) ?? [];
            if (set == new PolicyView(null, null, null, null, null, null) && parts.Length == 0)
            {
                throw new PmctlError("nothing to change: give a policy option or --clear (see --help)", PmctlError.Usage);
            }

            var request = new PolicyChangeRequest(set, parts);
            ClusterCommands.Done(c, await c.Client.Post(AdminRoutes.PositionPolicy(c.Parse.GetRequiredValue(symbol)), request, AdminJsonContext.Default.PolicyChangeRequest, AdminJsonContext.Default.CommandResult));
        });
    }
}
