using System.CommandLine;
using PositionManager.Admin;

namespace PositionManager.Cli.Commands;

/// <summary>
/// <c>position policy &lt;symbol&gt; [--trailing-stop-percent N] … [--clear part]</c>: change parts of
/// one position's exit policy. The options are the settings' keys in kebab case; the node reads
/// holds and scale-outs as it reads its settings, so they are passed on as written.
/// </summary>
public static class PolicyCommand
{
    public static Command Create(Terminal terminal)
    {
        var symbol = PositionCommands.SymbolArgument();
        var trailingPercent = new Option<decimal?>("--trailing-stop-percent") { Description = "trail this percent behind the peak" };
        var trailingAmount = new Option<decimal?>("--trailing-stop-amount") { Description = "trail this price amount behind the peak" };
        var giveback = new Option<decimal?>("--trailing-giveback-percent") { Description = "give back at most this percent of the best gain (25 keeps 75%)" };
        var activation = new Option<decimal?>("--trailing-activation-percent") { Description = "arm the trail at this gain over entry" };
        var activationPrice = new Option<decimal?>("--trailing-activation-price") { Description = "arm the trail once the price reaches this" };
        var stopLoss = new Option<decimal?>("--stop-loss-percent") { Description = "exit this percent below entry" };
        var takeProfit = new Option<decimal?>("--take-profit-percent") { Description = "exit this percent above entry" };
        var source = new Option<string?>("--price-source") { Description = "the price watched" };
        source.AcceptOnlyFromAmong("bid", "mid", "last");
        var retryOffset = new Option<decimal?>("--retry-limit-offset-percent") { Description = "after a refused close, retry as a limit this percent through the bid" };
        var scaleOuts = new Option<string?>("--scale-outs") { Description = "partial exits gain:percent of the original quantity, e.g. 50:50,75:25" };
        var daysBeforeExpiry = new Option<int?>("--exit-days-before-expiry") { Description = "close from this many calendar days before expiry (0: expiry day)" };
        var minutesOnExpiry = new Option<int?>("--exit-minutes-before-close-on-expiry") { Description = "close this many minutes before the close on expiry day" };
        var minutesBeforeClose = new Option<int?>("--exit-minutes-before-close") { Description = "close this many minutes before every session's close" };
        var maxHold = new Option<string?>("--max-hold") { Description = "close once held this long from entry: 30m, 4h, 2d or 00:30:00" };
        var minHold = new Option<string?>("--min-hold") { Description = "for this long from entry only the stop loss may fire: 30m, 4h, 2d" };
        var clear = new Option<string[]>("--clear") { Description = "remove a part of the policy (repeat for several)", AllowMultipleArgumentsPerToken = false };
        clear.AcceptOnlyFromAmong(PolicyParts.All);
        return new Command("policy", "change parts of the position's exit policy; what is not given stays")
        {
            symbol, trailingPercent, trailingAmount, giveback, activation, activationPrice, stopLoss, takeProfit, source,
            retryOffset, scaleOuts, daysBeforeExpiry, minutesOnExpiry, minutesBeforeClose, maxHold, minHold, clear,
        }.Does(terminal, async c =>
        {
            var set = new PolicyView(
                c.Parse.GetValue(trailingPercent),
                c.Parse.GetValue(trailingAmount),
                c.Parse.GetValue(activation),
                c.Parse.GetValue(stopLoss),
                c.Parse.GetValue(takeProfit),
                c.Parse.GetValue(source),
                c.Parse.GetValue(giveback),
                c.Parse.GetValue(activationPrice),
                c.Parse.GetValue(retryOffset),
                c.Parse.GetValue(scaleOuts),
                c.Parse.GetValue(daysBeforeExpiry),
                c.Parse.GetValue(minutesOnExpiry),
                c.Parse.GetValue(minutesBeforeClose),
                c.Parse.GetValue(maxHold),
                c.Parse.GetValue(minHold));
            var parts = c.Parse.GetValue(clear) ?? [];
            if (set == PolicyView.Nothing && parts.Length == 0)
            {
                throw new PmctlError("nothing to change: give a policy option or --clear (see --help)", PmctlError.Usage);
            }

            var request = new PolicyChangeRequest(set, parts);
            ClusterCommands.Done(c, await c.Client.Post(AdminRoutes.PositionPolicy(c.Parse.GetRequiredValue(symbol)), request, AdminJsonContext.Default.PolicyChangeRequest, AdminJsonContext.Default.CommandResult));
        });
    }
}
