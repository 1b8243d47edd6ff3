using System.Text.Json;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// <c>pmctl policy rules | explain | reapply</c> and the rule in <c>position show</c>, end to end
/// against a node of their own (SQLite, embedded PaperBroker over HTTP): re-applying changes its
/// positions, so no other test class shares them.
/// </summary>
public sealed class PolicyCommandsTests(AdminNode node) : IClassFixture<AdminNode>
{
    [Fact]
    public async Task Policy_rules_lists_the_default_policy_after_the_rules()
    {
        var rules = (await Pmctl.Run(node, "policy", "rules", "--json")).Json();
        var text = await Pmctl.Run(node, "policy", "rules");

        Assert.Equal("default", rules.GetProperty("default").GetProperty("name").GetString());
        Assert.Contains("trailing 50%", rules.GetProperty("default").GetProperty("policy").GetString());
        Assert.Empty(rules.GetProperty("rules").EnumerateArray());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("any contract no rule matches", text.Output);
    }

    [Fact]
    public async Task Policy_explain_reads_the_contract_at_the_broker_and_says_which_rule_and_why()
    {
        var symbol = Symbol("GOOGL");

        var known = (await Pmctl.Run(node, "policy", "explain", symbol, "--json")).Json();
        var unknown = (await Pmctl.Run(node, "policy", "explain", "ZZZZ270115C00010000", "--json")).Json();
        var text = await Pmctl.Run(node, "policy", "explain", symbol);

        Assert.Equal(("GOOGL", "default"), (known.GetProperty("underlyingSymbol").GetString(), known.GetProperty("ruleName").GetString()));
        Assert.Equal("no rule matches underlying GOOGL: the default policy", known.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("underlyingSymbol").ValueKind);
        Assert.Contains("knows no contract ZZZZ270115C00010000 (404)", unknown.GetProperty("summary").GetString());
        Assert.Contains($"{symbol}: underlying GOOGL", text.Output);
        Assert.Contains("rule    default", text.Output);
        Assert.Contains("is not an OCC option symbol", (await Pmctl.Run(node, "policy", "explain", "GOOGL")).OneLineError());
    }

    [Fact]
    public async Task Position_show_names_the_rule_and_the_underlying_read_at_adoption()
    {
        var symbol = Symbol("GOOGL");

        var detail = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();
        var text = await Pmctl.Run(node, "position", "show", symbol);

        Assert.Equal(("default", "GOOGL"), (detail.GetProperty("ruleName").GetString(), detail.GetProperty("underlyingSymbol").GetString()));
        Assert.Contains("underlying   GOOGL", text.Output);
        Assert.Contains("rule         default", text.Output);
    }

    [Fact]
    public async Task Policy_reapply_lists_what_would_change_without_yes_and_with_it_journals_the_rule()
    {
        var symbol = Symbol("AAPL");
        Assert.Equal(0, (await Pmctl.RunWithToken(node, "position", "policy", symbol, "--trailing-stop-percent", "40")).ExitCode);

        var preview = (await Pmctl.Run(node, "policy", "reapply", "--json")).Json();
        var afterPreview = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();
        var withoutToken = await Pmctl.Run(node, "policy", "reapply", "--yes");
        var applied = (await Pmctl.RunWithToken(node, "policy", "reapply", "--rule", "default", "--yes", "--json")).Json();
        var afterApply = (await Pmctl.Run(node, "position", "show", symbol, "--json")).Json();
        var again = await Pmctl.RunWithToken(node, "policy", "reapply", "--yes");
        var history = (await Pmctl.Run(node, "position", "history", symbol, "--json")).Json().GetProperty("events").EnumerateArray().ToList();

        Assert.False(preview.GetProperty("applied").GetBoolean());
        var wouldChange = Assert.Single(preview.GetProperty("changes").EnumerateArray());
        Assert.Equal((symbol, "would change"), (wouldChange.GetProperty("symbol").GetString(), wouldChange.GetProperty("outcome").GetString()));
        Assert.Contains("trailing 40%", wouldChange.GetProperty("fromPolicy").GetString());
        Assert.Equal(40m, afterPreview.GetProperty("policyValues").GetProperty("trailingStopPercent").GetDecimal());
        Assert.Contains("needs the admin token", withoutToken.OneLineError());
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.StartsWith("changed: stop", Assert.Single(applied.GetProperty("changes").EnumerateArray()).GetProperty("outcome").GetString());
        Assert.Equal(50m, afterApply.GetProperty("policyValues").GetProperty("trailingStopPercent").GetDecimal());
        Assert.Equal(afterApply.GetProperty("position").GetProperty("peak").GetDecimal() * 0.5m, afterApply.GetProperty("position").GetProperty("stop").GetDecimal());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("no open position would change", again.Output);
        Assert.Equal("PolicyChanged.v2", history[^1].GetProperty("event").GetString());
        Assert.StartsWith("rule default re-applied by an operator", history[^1].GetProperty("details").GetString());
        Assert.Contains("there is no rule 'spx-0dte'", (await Pmctl.Run(node, "policy", "reapply", "--rule", "spx-0dte")).OneLineError());
    }

    private string Symbol(string root) => node.OptionSymbols().First(s => s.StartsWith(root, StringComparison.Ordinal));
}
