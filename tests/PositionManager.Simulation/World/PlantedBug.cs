namespace PositionManager.Simulation.World;

/// <summary>
/// Bugs the simulation must catch (issue 17, item 5). Each is planted by a test-only seam of this
/// project (<see cref="RecordingBrokerClient"/>, <see cref="PlantableMarketData"/>, <see cref="SimWorld"/>); none can be reached from
/// the product's configuration.
/// </summary>
public enum PlantedBug
{
    None,

    /// <summary>The gateway's order goes out without its position_intent (invariants 1-2).</summary>
    DropsTheIntent,

    /// <summary>A resubmission under a new client_order_id: every close goes out twice (invariant 3).</summary>
    ResubmitsUnderANewId,

    /// <summary>One contract more than the gateway read (invariant 4).</summary>
    SellsOneMore,

    /// <summary>The reconciler sells the stock it finds (invariants 1-2).</summary>
    ReconcilerSellsStock,

    /// <summary>Every close is sent a second time without its intent: once the first has filled, the broker infers sell_to_open and a short is opened (invariant 2).</summary>
    SellsAgainWithoutIntent,

    /// <summary>The market data keeps each symbol's first bid and ask under fresh time stamps: no stop is seen crossed (invariant 5).</summary>
    FreezesPrices,
}
