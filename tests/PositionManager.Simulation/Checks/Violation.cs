namespace PositionManager.Simulation.Checks;

/// <summary>An invariant of issue 17 (item 2, numbered 1-7 there) that a run broke, and how.</summary>
public sealed record Violation(int Invariant, string Detail)
{
    /// <summary>Not one of the seven: the scenario itself could not be played to its end.</summary>
    public const int DidNotFinish = 0;

    public override string ToString() => $"invariant ({Invariant}): {Detail}";
}
