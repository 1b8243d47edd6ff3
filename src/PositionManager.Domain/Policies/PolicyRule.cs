using PositionManager.Domain.Exits;
using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Policies;

/// <summary>
/// One rule of <c>PositionManager:Policies</c>: the contracts it matches and the policy they get.
/// An absent matcher matches every contract; <see cref="Underlyings"/> compare without case.
/// </summary>
public sealed record PolicyRule(
    string Name,
    IReadOnlyList<string> Underlyings,
    OptionRight? Type,
    int? MinDaysToExpiry,
    int? MaxDaysToExpiry,
    ExitPolicy Policy)
{
    /// <summary>Whether the contract matches, and the first matcher that said no (or that all said yes).</summary>
    public RuleVerdict Judge(ContractFacts contract, DateOnly today)
    {
        if (Underlyings.Count > 0 && !Underlyings.Contains(contract.UnderlyingSymbol, StringComparer.OrdinalIgnoreCase))
        {
            return RuleVerdict.No($"underlying {contract.UnderlyingSymbol} is not {string.Join(", ", Underlyings)}");
        }

        if (Type is { } type && contract.Symbol.Right != type)
        {
            return RuleVerdict.No($"a {Describe(contract.Symbol.Right)}, not a {Describe(type)}");
        }

        var days = contract.DaysToExpiry(today);
        if (MinDaysToExpiry is { } min && days < min)
        {
            return RuleVerdict.No($"{days} days to expiry, fewer than {min}");
        }

        if (MaxDaysToExpiry is { } max && days > max)
        {
            return RuleVerdict.No($"{days} days to expiry, more than {max}");
        }

        return RuleVerdict.Yes(Matchers(days));
    }

    /// <summary>Every reason this rule cannot be used; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("a rule needs a Name");
        }

        if (Underlyings.Any(u => string.IsNullOrWhiteSpace(u) || u.Any(char.IsWhiteSpace)))
        {
            problems.Add("Underlyings is a comma list of symbols (SPY,QQQ)");
        }

        if (MinDaysToExpiry is < 0 || MaxDaysToExpiry is < 0)
        {
            problems.Add("days to expiry must not be negative");
        }

        if (MinDaysToExpiry is { } min && MaxDaysToExpiry is { } max && max < min)
        {
            problems.Add($"MaxDaysToExpiry {max} is below MinDaysToExpiry {min}");
        }

        problems.AddRange(Policy.Problems());
        return problems;
    }

    private string Matchers(int days)
    {
        var said = new List<string>();
        if (Underlyings.Count > 0)
        {
            said.Add($"underlying in {string.Join(", ", Underlyings)}");
        }

        if (Type is { } type)
        {
            said.Add($"a {Describe(type)}");
        }

        if (MinDaysToExpiry is not null || MaxDaysToExpiry is not null)
        {
            said.Add($"{days} days to expiry within {MinDaysToExpiry?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0"}-{MaxDaysToExpiry?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"}");
        }

        return said.Count == 0 ? "the rule matches every contract" : string.Join("; ", said);
    }

    private static string Describe(OptionRight right) => right == OptionRight.Call ? "call" : "put";
}
