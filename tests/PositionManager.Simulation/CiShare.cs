namespace PositionManager.Simulation;

/// <summary>How much of the simulation the solution's test run carries (issue 17: at least 300 scenarios, under 5 minutes).</summary>
public static class CiShare
{
    public const int Scenarios = 300;

    public const double RestartChance = 0.02;

    public static readonly TimeSpan WallTimeBound = TimeSpan.FromMinutes(5);
}
