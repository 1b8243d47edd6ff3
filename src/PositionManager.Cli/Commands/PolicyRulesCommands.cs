using System.CommandLine;
using PositionManager.Admin;
using PositionManager.Cli.Output;

namespace PositionManager.Cli.Commands;

/// <summary><c>policy rules | explain &lt;symbol&gt; | reapply [--rule NAME] [--yes]</c>: the node's policy rules, for every position.</summary>
public static class PolicyRulesCommands
{
    private static AdminJsonContext Json => AdminJsonContext.Default;

    public static Command Create(Terminal terminal) =>
        new("policy", "the policy rules: which exit policy a contract gets at adoption, and re-applying them to open positions")
        {
            Rules(terminal),
            Explain(terminal),
            Reapply(terminal),
        };

    private static Command Rules(Terminal terminal) =>
        new Command("rules", "the default policy and the rules, in the order they are tried").Does(terminal, async c =>
            c.Show(await c.Client.Get(AdminRoutes.PolicyRules, Json.PolicyRulesView), Json.PolicyRulesView, RenderRules));

    private static Command Explain(Terminal terminal)
    {
        var symbol = PositionCommands.SymbolArgument();
        return new Command("explain", "look the contract up at the broker and say which rule matches it, and why") { symbol }.Does(terminal, async c =>
            c.Show(await c.Client.Get(AdminRoutes.PolicyExplain(c.Parse.GetRequiredValue(symbol)), Json.PolicyExplainView), Json.PolicyExplainView, RenderExplain));
    }

    private static Command Reapply(Terminal terminal)
    {
        var rule = new Option<string?>("--rule") { Description = "only the open positions the rules now give this rule (or default)" };
        var yes = new Option<bool>("--yes", "-y") { Description = "change them (needs the admin token); without it, only list what would change" };
        return new Command("reapply", "re-apply the current rules to open positions: lists what would change; --yes changes it") { rule, yes }.Does(terminal, async c =>
        {
            var path = AdminRoutes.PolicyReapplyFor(c.Parse.GetValue(rule));
            var answer = c.Parse.GetValue(yes)
                ? await c.Client.Post(path, Json.PolicyReapplyView)
                : await c.Client.Get(path, Json.PolicyReapplyView);
            c.Show(answer, Json.PolicyReapplyView, RenderReapply);
        });
    }

    private static void RenderRules(PolicyRulesView view, TextWriter output)
    {
        var table = new Table("#", "RULE", "MATCHES", "POLICY");
        var order = 1;
        foreach (var rule in view.Rules)
        {
            table.Row((order++).ToString(System.Globalization.CultureInfo.InvariantCulture), rule.Name, rule.Matchers, rule.Policy);
        }

        table.Row("-", view.Default.Name, view.Default.Matchers, view.Default.Policy);
        table.WriteTo(output, "no rules");
    }

    private static void RenderExplain(PolicyExplainView view, TextWriter output)
    {
        output.WriteLine($"{view.Symbol}: underlying {view.UnderlyingSymbol ?? "unknown (the broker knows no such contract)"}, {view.DaysToExpiry} days to expiry");
        output.WriteLine($"  rule    {view.RuleName}");
        output.WriteLine($"  policy  {view.Policy}");
        output.WriteLine($"  why     {view.Summary}");
        if (view.Judged.Count > 0)
        {
            var table = new Table("RULE", "MATCHES", "REASON");
            foreach (var judged in view.Judged)
            {
                table.Row(judged.RuleName, judged.Matches ? "yes" : "no", judged.Reason);
            }

            table.WriteTo(output, "no rules");
        }
    }

    private static void RenderReapply(PolicyReapplyView view, TextWriter output)
    {
        var table = new Table("SYMBOL", "UNDERLYING", "FROM RULE", "TO RULE", "NEW POLICY", view.Applied ? "OUTCOME" : "WOULD");
        foreach (var change in view.Changes)
        {
            table.Row(change.Symbol, change.UnderlyingSymbol ?? "unknown", change.FromRule, change.ToRule, change.ToPolicy, change.Outcome);
        }

        table.WriteTo(output, "no open position would change");
        output.WriteLine(view.Applied
            ? $"{view.Changes.Count} re-applied, {view.Unchanged} already had their rule's policy"
            : $"{view.Changes.Count} would change, {view.Unchanged} already have their rule's policy; nothing was changed (--yes changes them)");
        foreach (var skipped in view.Skipped)
        {
            output.WriteLine($"skipped {skipped}");
        }
    }
}
