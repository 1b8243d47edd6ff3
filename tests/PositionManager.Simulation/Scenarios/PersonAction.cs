namespace PositionManager.Simulation.Scenarios;

public enum PersonAction
{
    /// <summary>Sells the whole contract by hand (sell_to_close at market).</summary>
    SellsByHand,

    /// <summary>Buys the contract (again, or more of it): buy_to_open at market.</summary>
    Buys,

    /// <summary>Rests a sell far above the market, holding that quantity.</summary>
    RestsAnOrder,

    /// <summary>Cancels the orders they rest.</summary>
    CancelsOrders,
}
