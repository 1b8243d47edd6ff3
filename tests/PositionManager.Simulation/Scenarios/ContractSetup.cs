using PositionManager.Domain.Exits;

namespace PositionManager.Simulation.Scenarios;

/// <summary>A long option position the broker holds when the scenario starts, and the exit policy it gets once adopted.</summary>
public sealed record ContractSetup(string Symbol, int Quantity, decimal Entry, ExitPolicy Policy);
