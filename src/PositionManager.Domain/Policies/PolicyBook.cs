using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Policies;

/// <summary>
/// The default policy and the rules, in order. At adoption the first matching rule gives the
/// policy; no match gives the default. A change of rules applies to positions adopted later.
/// </summary>
public sealed record PolicyBook(ExitPolicy Default, IReadOnlyList<PolicyRule> Rules)
{
    /// <summary>What the position is said to come from when no rule matched.</summary>
    public const string DefaultName = "default";

    public static PolicyBook Only(ExitPolicy policy) => new(policy, []);

    public PolicyChoice Choose(ContractFacts contract, DateOnly today)
    {
        var verdicts = new List<RuleExplanation>(Rules.Count);
        PolicyRule? chosen = null;
        foreach (var rule in Rules)
        {
            var verdict = rule.Judge(contract, today);
            verdicts.Add(new RuleExplanation(rule.Name, verdict));
            if (verdict.Matches)
            {
                chosen = rule;
                break;
            }
        }

        return chosen is null
            ? new PolicyChoice(DefaultName, Default, verdicts)
            : new PolicyChoice(chosen.Name, chosen.Policy, verdicts);
    }

    /// <summary>Every reason the rules cannot be used, each naming its rule; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var group in Rules.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"rule name '{group.Key}' is used {group.Count()} times");
        }

        if (Rules.Any(r => string.Equals(r.Name, DefaultName, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add($"'{DefaultName}' names the default policy; a rule needs another name");
        }

        for (var index = 0; index < Rules.Count; index++)
        {
            problems.AddRange(Rules[index].Problems().Select(p => $"rule {index} ({Rules[index].Name}): {p}"));
        }

        return problems;
    }
}

/// <summary>The policy a contract gets, the rule it came from (<see cref="PolicyBook.DefaultName"/> for none) and every rule judged on the way.</summary>
public sealed record PolicyChoice(string RuleName, ExitPolicy Policy, IReadOnlyList<RuleExplanation> Judged);

public sealed record RuleExplanation(string RuleName, RuleVerdict Verdict);
