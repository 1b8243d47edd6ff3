namespace PositionManager.Simulation.World;

/// <summary>One member killed: what it hosted, and how long (wall time) from the kill until a survivor saw it unreachable, removed it, and its gateway proxy reached the singleton again.</summary>
public sealed record MemberKill(int Members, bool HostedSingletons, TimeSpan Unreachable, TimeSpan Removed, TimeSpan GatewayAnswers);
