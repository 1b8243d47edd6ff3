namespace PositionManager.Simulation;

/// <summary>
/// How much of the simulation the solution's test run carries. Issue 17 asks for at least 300
/// scenarios under 5 minutes; measured here (2026-12-03, 2 cores shared by several builds) a
/// scenario of up to 8 positions takes about 0.4 s since settling asks the feed to poll at once.
/// ./sim.sh runs any number.
/// </summary>
public static class CiShare
{
    public const int Scenarios = 300;

    /// <summary>Also run on PostgreSQL, the production journal (the same seed's first scenarios).</summary>
    public const int PostgresScenarios = 40;

    public const double RestartChance = 0.02;

    /// <summary>Scenarios of up to 8 positions (./sim.sh runs up to 50): 300 of them fit the time on 2 shared cores.</summary>
    public const int MaxContracts = 8;

    public static readonly TimeSpan WallTimeBound = TimeSpan.FromMinutes(5);
}
