namespace PositionManager.Domain.Policies;

/// <summary>A rule's answer for one contract, with the reason in words an operator reads.</summary>
public sealed record RuleVerdict(bool Matches, string Reason)
{
    public static RuleVerdict Yes(string reason) => new(true, reason);

    public static RuleVerdict No(string reason) => new(false, reason);
}
