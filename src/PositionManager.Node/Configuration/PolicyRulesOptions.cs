using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;

namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Policies</c>: the rules, in order (<c>PositionManager__Policies__0__Name</c>,
/// <c>…__1__…</c>). Each has a <c>Name</c>, matchers (<c>Underlyings</c>, <c>Type</c>,
/// <c>MinDaysToExpiry</c>, <c>MaxDaysToExpiry</c>) and any key of the default policy, which it
/// overrides; an empty value unsets the default's.
/// </summary>
internal static class PolicyRulesOptions
{
    public const string Section = "PositionManager:Policies";

    public static readonly string[] MatcherKeys = ["Name", "Underlyings", "Type", "MinDaysToExpiry", "MaxDaysToExpiry"];

    /// <summary>Days to expiry past ten years match no listed option; a larger number is a typo.</summary>
    private const int MostDaysToExpiry = 3650;

    /// <summary>Every key a rule may have.</summary>
    public static IEnumerable<string> RuleKeys => MatcherKeys.Concat(PolicyKeys.Names);

    /// <summary>The rules numbered from 0 without a gap; a key under a later number is not read, so the unknown-key check names it.</summary>
    public static int Count(SettingsReader reader)
    {
        var count = 0;
        while (reader.Exists($"{Section}:{count}"))
        {
            count++;
        }

        return count;
    }

    public static PolicyBook Read(SettingsReader reader, ExitPolicyOptions defaults)
    {
        var rules = new List<PolicyRule>();
        for (var index = 0; index < Count(reader); index++)
        {
            rules.Add(ReadRule(reader, $"{Section}:{index}", defaults));
        }

        var book = new PolicyBook(defaults.Policy, rules);

        // Every rule inherits the default's parts: while the default is refused, the same problem
        // would be named again for each rule.
        if (defaults.Policy.Problems().Count == 0)
        {
            foreach (var problem in book.Problems())
            {
                reader.Problem(Section, problem);
            }
        }

        return book;
    }

    private static PolicyRule ReadRule(SettingsReader reader, string section, ExitPolicyOptions defaults)
    {
        var name = reader.Text($"{section}:Name") ?? string.Empty;
        var underlyings = reader.Text($"{section}:Underlyings") is { } list
            ? list.Split(',', StringSplitOptions.TrimEntries)
            : [];
        var typeKey = $"{section}:Type";
        var typeText = reader.Text(typeKey);
        OptionRight? type = typeText?.ToLowerInvariant() switch
        {
            null => null,
            "call" => OptionRight.Call,
            "put" => OptionRight.Put,
            _ => Refused(reader, typeKey, $"'{typeText}' is not call or put"),
        };
        var keys = PolicyKeys.Read(reader, section).Over(defaults.Written);
        var policy = keys.ToPolicy(reader, section, inherited => string.Join(", ", inherited
            .Where(key => !keys.Written.Contains(key))
            .Select(key => $"an empty {SettingsReader.VariableName($"{section}:{key}")} unsets the default's")
            .DefaultIfEmpty("an empty value unsets a part")));
        return new PolicyRule(name, underlyings, type, Days(reader, $"{section}:MinDaysToExpiry"), Days(reader, $"{section}:MaxDaysToExpiry"), policy);
    }

    private static int? Days(SettingsReader reader, string key) =>
        reader.Text(key) is null ? null : reader.Number(key, 0, 0, MostDaysToExpiry, $"a whole number of days (0-{MostDaysToExpiry})");

    private static OptionRight? Refused(SettingsReader reader, string key, string problem)
    {
        reader.Problem(key, problem);
        return null;
    }
}
