namespace PositionManager.Simulation.Checks;

/// <summary>An invariant of issue 17 (item 2, numbered 1-7 there) that a run broke, and how.</summary>
public sealed record Violation(int Invariant, string Detail)
{
    public override string ToString() => $"invariant ({Invariant}): {Detail}";
}
