using System.Globalization;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;

namespace PositionManager.Node.Hosting;

/// <summary>What a rule matches, in the words of its settings: "underlying SPY, QQQ; put; 0-1 days to expiry".</summary>
internal static class PolicyRuleText
{
    public static string Matchers(PolicyRule rule)
    {
        var said = new List<string>();
        if (rule.Underlyings.Count > 0)
        {
            said.Add($"underlying {string.Join(", ", rule.Underlyings)}");
        }

        if (rule.Type is { } type)
        {
            said.Add(type == OptionRight.Call ? "call" : "put");
        }

        if (rule.MinDaysToExpiry is not null || rule.MaxDaysToExpiry is not null)
        {
            said.Add($"{Days(rule.MinDaysToExpiry, "0")}-{Days(rule.MaxDaysToExpiry, "any")} days to expiry");
        }

        return said.Count == 0 ? "every contract" : string.Join("; ", said);
    }

    private static string Days(int? days, string none) => days?.ToString(CultureInfo.InvariantCulture) ?? none;
}
