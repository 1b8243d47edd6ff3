using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Tests;

/// <summary>At adoption the first matching rule, in order, gives the policy; no match gives the default.</summary>
public class PolicyRuleTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private static readonly ExitPolicy Default = new(Trailing: TrailingStopRule.Percent(20));
    private static readonly ExitPolicy Tight = new(Trailing: TrailingStopRule.Percent(5));
    private static readonly ExitPolicy Puts = new(StopLossPercent: 30);

    private static ContractFacts Contract(string symbol, string underlying) => new(OptionSymbol.Parse(symbol), underlying);

    private static PolicyRule Rule(string name, ExitPolicy policy, string[]? underlyings = null, OptionRight? type = null, int? min = null, int? max = null) =>
        new(name, underlyings ?? [], type, min, max, policy);

    [Fact]
    public void The_first_matching_rule_wins_and_no_match_gives_the_default()
    {
        var book = new PolicyBook(Default, [Rule("spy", Tight, ["SPY"]), Rule("puts", Puts, type: OptionRight.Put)]);

        var spyPut = book.Choose(Contract("SPY261218P00500000", "SPY"), Today);
        var qqqPut = book.Choose(Contract("QQQ261218P00400000", "QQQ"), Today);
        var qqqCall = book.Choose(Contract("QQQ261218C00400000", "QQQ"), Today);

        Assert.Equal(("spy", Tight), (spyPut.RuleName, spyPut.Policy));
        Assert.Equal(("puts", Puts), (qqqPut.RuleName, qqqPut.Policy));
        Assert.Equal((PolicyBook.DefaultName, Default), (qqqCall.RuleName, qqqCall.Policy));
        Assert.Equal(2, qqqCall.Judged.Count);
        Assert.All(qqqCall.Judged, j => Assert.False(j.Verdict.Matches));
    }

    [Fact]
    public void Underlyings_match_the_brokers_underlying_never_the_root()
    {
        // An adjusted contract: root LCID1, underlying LCID.
        var adjusted = Contract("LCID1261218C00005000", "LCID");
        var byUnderlying = new PolicyBook(Default, [Rule("lcid", Tight, ["lcid"])]);
        var byRoot = new PolicyBook(Default, [Rule("root", Tight, ["LCID1"])]);

        Assert.Equal("lcid", byUnderlying.Choose(adjusted, Today).RuleName);
        Assert.Equal(PolicyBook.DefaultName, byRoot.Choose(adjusted, Today).RuleName);
    }

    [Theory]
    [InlineData("2026-12-03", 0, 0, true)]
    [InlineData("2026-12-04", 0, 0, false)]
    [InlineData("2026-12-10", 7, 30, true)]
    [InlineData("2026-12-09", 7, 30, false)]
    [InlineData("2027-01-02", 7, 30, true)]
    [InlineData("2027-01-03", 7, 30, false)]
    public void Days_to_expiry_are_calendar_days_from_today_inclusive_at_both_ends(string expiry, int min, int max, bool matches)
    {
        var date = DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture);
        var symbol = $"SPY{date:yyMMdd}C00500000";
        var verdict = Rule("window", Tight, min: min, max: max).Judge(Contract(symbol, "SPY"), Today);

        Assert.Equal(matches, verdict.Matches);
    }

    [Fact]
    public void A_verdict_says_which_matcher_refused()
    {
        var rule = Rule("spy-calls", Tight, ["SPY"], OptionRight.Call, max: 10);

        Assert.Equal("a put, not a call", rule.Judge(Contract("SPY261205P00500000", "SPY"), Today).Reason);
        Assert.Equal("18 days to expiry, more than 10", rule.Judge(Contract("SPY261221C00500000", "SPY"), Today).Reason);
        Assert.Equal("underlying QQQ is not SPY", rule.Judge(Contract("QQQ261205C00500000", "QQQ"), Today).Reason);
    }

    [Fact]
    public void Bad_rules_are_named_in_their_problems()
    {
        var book = new PolicyBook(Default, [
            Rule("a", Tight, min: 10, max: 5),
            Rule("a", new ExitPolicy(StopLossPercent: 150)),
            Rule("default", Tight),
            Rule(" ", Tight, ["SP Y"]),
        ]);

        var problems = book.Problems();

        Assert.Contains("rule name 'a' is used 2 times", problems);
        Assert.Contains("'default' names the default policy; a rule needs another name", problems);
        Assert.Contains("rule 0 (a): MaxDaysToExpiry 5 is below MinDaysToExpiry 10", problems);
        Assert.Contains(problems, p => p.StartsWith("rule 1 (a): stop loss 150%", StringComparison.Ordinal));
        Assert.Contains("rule 3 ( ): a rule needs a Name", problems);
        Assert.Contains("rule 3 ( ): Underlyings is a comma list of symbols (SPY,QQQ)", problems);
        Assert.Empty(PolicyBook.Only(Default).Problems());
    }
}
