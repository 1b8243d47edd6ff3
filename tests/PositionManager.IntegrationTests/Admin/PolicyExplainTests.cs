using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;
using PositionManager.Node.Admin;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>What <c>pmctl policy explain</c> says for rules in order: every rule judged, the first match named, the rest not reached.</summary>
public sealed class PolicyExplainTests
{
    private static readonly DateOnly Today = new(2026, 2, 2);
    private static readonly OptionSymbol Adjusted = OptionSymbol.Parse("LCID1260220C00002500");

    private static readonly PolicyRules Rules = new(
        new PolicyBook(new ExitPolicy(Trailing: TrailingStopRule.Percent(20)),
        [
            new PolicyRule("index-puts", ["SPX", "SPY"], OptionRight.Put, null, 7, new ExitPolicy(Trailing: TrailingStopRule.Percent(5))),
            new PolicyRule("lcid", ["LCID"], null, null, null, new ExitPolicy(Trailing: TrailingStopRule.Percent(7))),
            new PolicyRule("calls", [], OptionRight.Call, null, null, new ExitPolicy(Trailing: TrailingStopRule.Percent(9))),
        ]),
        new OneContract(Adjusted, "LCID"));

    [Fact]
    public async Task Explain_judges_every_rule_in_order_and_names_the_first_that_matches_the_broker_underlying()
    {
        var explained = Rules.Explain(Adjusted, await Rules.UnderlyingOf(Adjusted, CancellationToken.None), Today);

        Assert.Equal(("LCID", "lcid", 18), (explained.UnderlyingSymbol, explained.RuleName, explained.DaysToExpiry));
        Assert.Equal(
            [("index-puts", false, true), ("lcid", true, true), ("calls", true, false)],
            explained.Judged.Select(j => (j.RuleName, j.Matches, j.Reached)));
        Assert.Equal("underlying LCID is not SPX, SPY", explained.Judged[0].Reason);
        Assert.Contains("not reached: lcid matched first", explained.Judged[2].Reason);
        Assert.Equal("rule lcid matches first: underlying in LCID", explained.Summary);
        Assert.Contains("trailing 7%", explained.Policy);
    }

    [Fact]
    public void Rules_are_listed_in_order_with_their_matchers_in_the_settings_words()
    {
        var view = Rules.View();

        Assert.Equal(["index-puts", "lcid", "calls"], view.Rules.Select(r => r.Name));
        Assert.Equal("Underlyings=SPX,SPY; Type=put; MaxDaysToExpiry=7", view.Rules[0].Matchers);
        Assert.Equal("Type=call", view.Rules[2].Matchers);
        Assert.Equal("default", view.Default.Name);
    }

    private sealed class OneContract(OptionSymbol symbol, string underlying) : IContractDirectory
    {
        public Task<BrokerResult<OptionContract?>> GetContractAsync(OptionSymbol asked, CancellationToken cancellationToken) =>
            Task.FromResult(asked == symbol
                ? BrokerResult<OptionContract?>.Success(new OptionContract(symbol.Value, underlying, symbol.Root, symbol.Right, symbol.Expiry, symbol.Strike, ContractStatus.Active, true, null, 100))
                : BrokerResult<OptionContract?>.Success(null));
    }
}
