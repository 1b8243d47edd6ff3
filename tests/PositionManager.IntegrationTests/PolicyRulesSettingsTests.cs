using Microsoft.Extensions.Configuration;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Symbols;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Configuration;

namespace PositionManager.IntegrationTests;

/// <summary>
/// <c>PositionManager:Policies</c>: rules in order, each a Name, matchers and any policy key over the
/// default's (an empty value unsets the default's part), read into the Domain's PolicyBook and
/// validated at start.
/// </summary>
public sealed class PolicyRulesSettingsTests
{
    private static readonly Dictionary<string, string?> SpyPutsAndLongCalls = new()
    {
        ["ExitPolicy:TrailingStopPercent"] = "20",
        ["ExitPolicy:StopLossPercent"] = "50",
        ["Policies:0:Name"] = "spy-0dte",
        ["Policies:0:Underlyings"] = "SPY, QQQ",
        ["Policies:0:Type"] = "put",
        ["Policies:0:MaxDaysToExpiry"] = "1",
        ["Policies:0:TrailingStopPercent"] = "",
        ["Policies:0:TrailingGivebackPercent"] = "25",
        ["Policies:0:ExitMinutesBeforeClose"] = "15",
        ["Policies:1:Name"] = "long-calls",
        ["Policies:1:Type"] = "CALL",
        ["Policies:1:MinDaysToExpiry"] = "60",
        ["Policies:1:StopLossPercent"] = "",
        ["Policies:1:ScaleOuts"] = "50:50",
        ["Policies:1:MaxHold"] = "30d",
    };

    [Fact]
    public void The_rules_are_read_in_order_over_the_default_policy()
    {
        var book = PolicySettingsTests.Read(SpyPutsAndLongCalls).Policies;

        var defaults = new ExitPolicy(StopLossPercent: 50, Trailing: TrailingStopRule.Percent(20));
        Assert.Equal(defaults, book.Default);
        Assert.Equal(2, book.Rules.Count);
        var (spy, calls) = (book.Rules[0], book.Rules[1]);
        Assert.Equal(
            ("spy-0dte", "SPY,QQQ", OptionRight.Put, (int?)null, (int?)1),
            (spy.Name, string.Join(",", spy.Underlyings), spy.Type, spy.MinDaysToExpiry, spy.MaxDaysToExpiry));
        Assert.Equal(new ExitPolicy(StopLossPercent: 50, Trailing: TrailingStopRule.Giveback(25), TimeExit: new TimeExitRule(MinutesBeforeClose: 15)), spy.Policy);
        Assert.Equal(
            ("long-calls", 0, OptionRight.Call, (int?)60, (int?)null),
            (calls.Name, calls.Underlyings.Count, calls.Type, calls.MinDaysToExpiry, calls.MaxDaysToExpiry));
        Assert.Equal(new ExitPolicy(Trailing: TrailingStopRule.Percent(20), ScaleOuts: [new ScaleOutTarget(50, 50)], TimeExit: new TimeExitRule(MaxHold: TimeSpan.FromDays(30))), calls.Policy);
    }

    [Fact]
    public void The_first_matching_rule_gives_the_policy_and_no_match_the_default()
    {
        var book = PolicySettingsTests.Read(SpyPutsAndLongCalls).Policies;
        var today = new DateOnly(2026, 2, 2);

        Assert.Equal("spy-0dte", book.Choose(Contract("SPY260202P00600000", "SPY"), today).RuleName);
        Assert.Equal("long-calls", book.Choose(Contract("AAPL260618C00250000", "AAPL"), today).RuleName);
        Assert.Equal(PolicyBook.DefaultName, book.Choose(Contract("SPY260320P00600000", "SPY"), today).RuleName);
    }

    [Fact]
    public void The_start_log_lists_each_rule_with_its_matchers_and_policy()
    {
        var log = PolicySettingsTests.StartLog(PolicySettingsTests.Read(SpyPutsAndLongCalls));

        Assert.Equal(
            [
                "Information: Adopted positions get, unless a rule matches, the default policy: trailing 20% (armed at once), stop loss 50% on bid",
                "Information: Policy rule 0 spy-0dte (underlying SPY, QQQ; put; 0-1 days to expiry): trailing giving back 25% of the best gain (armed once in profit), stop loss 50%, close 15 min before every session's close on bid",
                "Information: Policy rule 1 long-calls (call; 60-any days to expiry): trailing 20% (armed at once), scale-outs +50%: 50%, max hold 30d on bid",
            ],
            log);
    }

    [Fact]
    public void Environment_variables_make_a_rule_as_appsettings_json_does()
    {
        // A prefix of this test's own keeps its variables from any other test's configuration.
        var prefix = $"PMTEST_{Guid.NewGuid():N}_";
        Dictionary<string, string> variables = new()
        {
            ["PositionManager__ExitPolicy__TrailingStopPercent"] = "20",
            ["PositionManager__Policies__0__Name"] = "spy",
            ["PositionManager__Policies__0__Underlyings"] = "SPY",
            ["PositionManager__Policies__0__TrailingStopPercent"] = "5",
        };
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, value);
            }

            var rule = Assert.Single(PositionManagerOptions.Read(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build()).Policies.Rules);

            Assert.Equal(("spy", "SPY", TrailingStopRule.Percent(5)), (rule.Name, string.Join(",", rule.Underlyings), rule.Policy.Trailing));
        }
        finally
        {
            foreach (var name in variables.Keys)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public void A_rule_with_a_second_trailing_mode_names_the_default_it_must_unset()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PolicySettingsTests.Read(new()
        {
            ["ExitPolicy:TrailingStopPercent"] = "20",
            ["Policies:0:Name"] = "spy",
            ["Policies:0:TrailingGivebackPercent"] = "25",
        }));

        Assert.Equal(
            ["PositionManager__Policies__0: set TrailingStopPercent or TrailingGivebackPercent, not both: one trailing mode at a time (an empty PositionManager__Policies__0__TrailingStopPercent unsets the default's)"],
            refused.Problems);
    }

    [Theory]
    [InlineData("Type", "straddle", "PositionManager__Policies__0__Type: 'straddle' is not call or put")]
    [InlineData("MinDaysToExpiry", "-1", "PositionManager__Policies__0__MinDaysToExpiry: '-1' is not a whole number of days (0-3650)")]
    [InlineData("MaxDaysToExpiry", "soon", "PositionManager__Policies__0__MaxDaysToExpiry: 'soon' is not a whole number of days (0-3650)")]
    [InlineData("Underlyings", "SPY,,QQQ", "PositionManager__Policies: rule 0 (spy): Underlyings is a comma list of symbols (SPY,QQQ)")]
    [InlineData("Underlying", "SPY", "PositionManager__Policies__0__Underlying is not a setting (a typo would leave a default in force)")]
    [InlineData("StopLossPercent", "150", "PositionManager__Policies: rule 0 (spy): stop loss 150% must be between 0 and 100 (exclusive)")]
    [InlineData("MaxHold", "forever", "PositionManager__Policies__0__MaxHold: 'forever' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)")]
    [InlineData("ScaleOuts", "50:50,40:50", "PositionManager__Policies__0__ScaleOuts: '40:50' must be at a higher gain than the scale-out before it (+50%): list them from the lowest gain up")]
    [InlineData("PriceSource", "ask", "PositionManager__Policies__0__PriceSource: 'ask' is not bid, mid or last")]
    [InlineData("TrailingActivationPrice", "7", "PositionManager__Policies__0__TrailingActivationPrice: there is no trailing stop to arm")]
    public void A_bad_rule_value_is_one_line_naming_its_variable(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PolicySettingsTests.Read(new()
        {
            ["Policies:0:Name"] = "spy",
            [$"Policies:0:{key}"] = value,
        }));

        Assert.Equal([problem], refused.Problems);
    }

    [Fact]
    public void Rules_need_names_of_their_own()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PolicySettingsTests.Read(new()
        {
            ["Policies:0:Name"] = "spy",
            ["Policies:1:Name"] = "SPY",
            ["Policies:2:Name"] = "default",
            ["Policies:3:Underlyings"] = "QQQ",
        }));

        Assert.Equal(
            [
                "PositionManager__Policies: rule name 'spy' is used 2 times",
                "PositionManager__Policies: 'default' names the default policy; a rule needs another name",
                "PositionManager__Policies: rule 3 (): a rule needs a Name",
            ],
            refused.Problems);
    }

    [Fact]
    public void A_rule_after_a_gap_in_the_numbering_is_not_read_and_is_named()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PolicySettingsTests.Read(new()
        {
            ["Policies:0:Name"] = "spy",
            ["Policies:2:Name"] = "qqq",
        }));

        Assert.Equal(["PositionManager__Policies__2__Name is not a setting (a typo would leave a default in force)"], refused.Problems);
    }

    [Fact]
    public void A_bad_default_is_named_once_not_again_for_every_rule_that_inherits_it()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => PolicySettingsTests.Read(new()
        {
            ["ExitPolicy:StopLossPercent"] = "150",
            ["Policies:0:Name"] = "spy",
            ["Policies:1:Name"] = "qqq",
        }));

        Assert.Equal(["PositionManager__ExitPolicy: stop loss 150% must be between 0 and 100 (exclusive)"], refused.Problems);
    }

    [Fact]
    public void A_rules_empty_price_source_falls_back_to_bid_not_the_defaults()
    {
        var rule = Assert.Single(PolicySettingsTests.Read(new()
        {
            ["ExitPolicy:PriceSource"] = "mid",
            ["Policies:0:Name"] = "spy",
            ["Policies:0:PriceSource"] = "",
        }).Policies.Rules);

        Assert.Equal(PriceSource.Bid, rule.Policy.PriceSource);
    }

    [Fact]
    public void Readmes_two_rule_example_reads_as_it_says()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var start = readme.IndexOf("```json\n{\n  \"PositionManager\"", StringComparison.Ordinal) + "```json\n".Length;
        var json = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var book = PositionManagerOptions.Read(new ConfigurationBuilder().AddJsonStream(stream).Build()).Policies;

        var today = new DateOnly(2026, 2, 2);
        var spy = book.Choose(Contract("SPY260202P00600000", "SPY"), today);
        Assert.Equal(("spy-0dte-puts", TrailingStopRule.Giveback(25), 30m), (spy.RuleName, spy.Policy.Trailing, spy.Policy.StopLossPercent));
        var calls = book.Choose(Contract("NVDA260918C00200000", "NVDA"), today);
        Assert.Equal(("long-dated-calls", 50m, TimeSpan.FromDays(2)), (calls.RuleName, calls.Policy.StopLossPercent, calls.Policy.MinHold));
        Assert.Equal(PolicyBook.DefaultName, book.Choose(Contract("SPY260320P00600000", "SPY"), today).RuleName);
    }

    private static ContractFacts Contract(string symbol, string underlying) => new(OptionSymbol.Parse(symbol), underlying);
}
