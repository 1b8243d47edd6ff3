using PositionManager.Domain.Exits;

namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:ExitPolicy</c>: the default policy, which an adopted position gets when no rule
/// of <c>PositionManager:Policies</c> matches it. Percentages are of the entry price; every key is
/// optional (<see cref="PolicyKeys.Names"/>).
/// </summary>
public sealed record ExitPolicyOptions(ExitPolicy Policy)
{
    public const string Section = "PositionManager:ExitPolicy";

    /// <summary>The section as read, which each rule's keys override.</summary>
    internal PolicyKeys Written { get; private init; } = PolicyKeys.None;

    internal static ExitPolicyOptions Read(SettingsReader reader)
    {
        var keys = PolicyKeys.Read(reader, Section);
        var policy = keys.ToPolicy(reader, Section, _ => "an empty value unsets the one from appsettings.json");

        // The Domain's own rules (ranges) are the last word on what a policy may be.
        foreach (var problem in policy.Problems())
        {
            reader.Problem($"{SettingsReader.VariableName(Section)}: {problem}");
        }

        return new ExitPolicyOptions(policy) { Written = keys };
    }

    public ExitPolicy ToPolicy() => Policy;
}
