namespace PositionManager.Admin;

/// <summary><c>policy rules</c>: the default policy and the rules, in the order they are tried.</summary>
public sealed record PolicyRulesView(PolicyRuleView Default, IReadOnlyList<PolicyRuleView> Rules);

/// <param name="Matchers">What the rule matches, in its settings' words (<c>Underlyings=SPY; Type=put</c>).</param>
/// <param name="Policy">The policy it gives, as <c>position show</c> describes one.</param>
public sealed record PolicyRuleView(string Name, string Matchers, string Policy);

/// <summary><c>policy explain &lt;symbol&gt;</c>: the contract as the broker describes it, and every rule's verdict on it.</summary>
/// <param name="UnderlyingSymbol">The broker's <c>underlying_symbol</c>; null when it knows no such contract.</param>
/// <param name="RuleName">The rule an adoption today would use (<c>default</c> for none).</param>
public sealed record PolicyExplainView(
    string Symbol,
    string? UnderlyingSymbol,
    int DaysToExpiry,
    string RuleName,
    string Policy,
    IReadOnlyList<RuleJudgement> Judged,
    string Summary);

/// <param name="Reached">False for a rule after the one that matched: adoption never gets to it.</param>
public sealed record RuleJudgement(string RuleName, bool Matches, bool Reached, string Reason);

/// <summary><c>policy reapply</c>: the open positions whose rule or policy the current rules change.</summary>
/// <param name="Applied">False for the preview (without --yes): nothing was changed.</param>
/// <param name="Unchanged">Open positions (of the rule asked for) that already have their rule's policy.</param>
/// <param name="Skipped">Positions that could not be judged, each with why (a contract read that failed).</param>
public sealed record PolicyReapplyView(bool Applied, IReadOnlyList<PolicyReapplyChange> Changes, int Unchanged, IReadOnlyList<string> Skipped);

/// <param name="Outcome">"would change", or what the position answered: the new stop, or why it refused.</param>
public sealed record PolicyReapplyChange(
    string Symbol,
    string? UnderlyingSymbol,
    string FromRule,
    string FromPolicy,
    string ToRule,
    string ToPolicy,
    string Outcome);
