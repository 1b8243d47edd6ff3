using System.Globalization;
using PositionManager.Admin;
using PositionManager.Alpaca.Reference;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;

namespace PositionManager.Node.Admin;

/// <summary>
/// The node's policy rules and where contracts are read, as the admin endpoint uses them: the
/// same book and the same broker answer as the reconciler's adoption, so what <c>policy explain</c>
/// says is what an adoption would do.
/// </summary>
internal sealed class PolicyRules(PolicyBook book, IContractDirectory contracts)
{
    public PolicyBook Book => book;

    public PolicyRulesView View() => new(
        new PolicyRuleView(PolicyBook.DefaultName, "any contract no rule matches", ExitPolicyText.Describe(book.Default)),
        [.. book.Rules.Select(r => new PolicyRuleView(r.Name, Matchers(r), ExitPolicyText.Describe(r.Policy)))]);

    /// <summary>The broker's underlying of a contract; null when the broker knows no such contract (404).</summary>
    public async Task<string?> UnderlyingOf(OptionSymbol symbol, CancellationToken cancellationToken)
    {
        var answer = await contracts.GetContractAsync(symbol, cancellationToken);
        return answer.Failure is { } failure
            ? throw AdminProblem.Unavailable($"reading contract {symbol.Value} from the broker failed ({failure.GetType().Name}): {failure.Message}")
            : answer.Value?.UnderlyingSymbol;
    }

    /// <summary>The rule for a contract, as at adoption: one the broker does not know gets the default.</summary>
    public PolicyChoice Choose(OptionSymbol symbol, string? underlying, DateOnly today) =>
        underlying is null ? new PolicyChoice(PolicyBook.DefaultName, book.Default, []) : book.Choose(new ContractFacts(symbol, underlying), today);

    public PolicyExplainView Explain(OptionSymbol symbol, string? underlying, DateOnly today)
    {
        var days = symbol.Expiry.DayNumber - today.DayNumber;
        var choice = Choose(symbol, underlying, today);
        if (underlying is null)
        {
            return new PolicyExplainView(symbol.Value, null, days, choice.RuleName, ExitPolicyText.Describe(choice.Policy), [],
                $"the broker knows no contract {symbol.Value} (404): no rule can match it, and a position in it is adopted with the default policy");
        }

        var facts = new ContractFacts(symbol, underlying);
        var reached = true;
        var judged = new List<RuleJudgement>(book.Rules.Count);
        foreach (var rule in book.Rules)
        {
            var verdict = rule.Judge(facts, today);
            judged.Add(new RuleJudgement(rule.Name, verdict.Matches, reached, reached ? verdict.Reason : $"{verdict.Reason} (not reached: {choice.RuleName} matched first)"));
            reached &= !verdict.Matches;
        }

        var summary = choice.RuleName == PolicyBook.DefaultName
            ? $"no rule matches underlying {underlying}: the default policy"
            : $"rule {choice.RuleName} matches first: {judged.First(j => j.Matches).Reason}";
        return new PolicyExplainView(symbol.Value, underlying, days, choice.RuleName, ExitPolicyText.Describe(choice.Policy), judged, summary);
    }

    /// <summary>A rule's matchers in its settings' words.</summary>
    private static string Matchers(PolicyRule rule)
    {
        var parts = new List<string>();
        if (rule.Underlyings.Count > 0)
        {
            parts.Add($"Underlyings={string.Join(',', rule.Underlyings)}");
        }

        if (rule.Type is { } type)
        {
            parts.Add($"Type={(type == OptionRight.Call ? "call" : "put")}");
        }

        if (rule.MinDaysToExpiry is { } min)
        {
            parts.Add($"MinDaysToExpiry={min.ToString(CultureInfo.InvariantCulture)}");
        }

        if (rule.MaxDaysToExpiry is { } max)
        {
            parts.Add($"MaxDaysToExpiry={max.ToString(CultureInfo.InvariantCulture)}");
        }

        return parts.Count == 0 ? "every contract" : string.Join("; ", parts);
    }
}
