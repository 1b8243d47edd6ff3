namespace PositionManager.Simulation.World;

/// <summary>Where one member of a simulated cluster sits: its remoting port, the members it joins, and the cluster mode's own settings.</summary>
/// <param name="SeedNodes">Its own address alone for the first member (it forms the cluster); the members already up for the others.</param>
public sealed record ClusterSeat(int Port, IReadOnlyList<string> SeedNodes, string Hocon);
