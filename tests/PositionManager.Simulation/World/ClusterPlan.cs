namespace PositionManager.Simulation.World;

/// <summary>
/// The cluster one scenario runs on, from its seed: two or three members, and whether the member
/// its node fault kills is the oldest, which hosts the singletons (gateway, reconciler, price feed)
/// and sharding's coordinator, or another that hosts only shards.
/// </summary>
public sealed record ClusterPlan(int Members, bool KillsSingletonHost)
{
    /// <summary>Mixed into the scenario seed so the plan draws from a stream of its own, leaving the scenario's draws as the single-node mode makes them.</summary>
    private const int Salt = 0x5EED17;

    public static ClusterPlan For(int scenarioSeed)
    {
        var random = new Random(scenarioSeed ^ Salt);
        return new ClusterPlan(random.Next(2, 4), random.Next(2) == 0);
    }

    public override string ToString() => $"{Members} members, kills the {(KillsSingletonHost ? "singleton host" : "member without singletons")}";
}
