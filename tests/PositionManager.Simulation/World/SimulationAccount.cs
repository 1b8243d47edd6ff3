namespace PositionManager.Simulation.World;

/// <summary>What every scenario holds beside its option positions.</summary>
public static class SimulationAccount
{
    /// <summary>Shares of the scenario's underlying: the system must never trade them.</summary>
    public const decimal StockShares = 100m;

    /// <summary>Contracts of the put a person shorted: the system must leave them alone and alert.</summary>
    public const decimal HandShortContracts = 2m;
}
