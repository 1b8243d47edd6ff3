namespace PositionManager.Domain.Orders;

/// <summary>Every reason the gateway refuses an order; each one names the safety invariant it protects (docs/DESIGN.md).</summary>
public enum RuleCode
{
    /// <summary>Invariant 1: the symbol is not an OCC option symbol (e.g. the underlying ticker).</summary>
    NotAnOptionSymbol,

    /// <summary>Invariant 2: a sell without intent may open a short.</summary>
    MissingIntent,

    /// <summary>Invariant 2: the position manager only ever closes.</summary>
    OpeningIntent,

    /// <summary>Invariant 3.</summary>
    MissingSide,

    /// <summary>Invariant 3: <c>sell</c> goes with <c>sell_to_close</c>, <c>buy</c> with <c>buy_to_close</c>.</summary>
    SideIntentMismatch,

    /// <summary>Invariant 4.</summary>
    NonPositiveQuantity,

    /// <summary>Invariant 4: options trade in whole contracts.</summary>
    FractionalQuantity,

    /// <summary>Invariant 4: the broker holds nothing in this exact symbol.</summary>
    SymbolNotHeld,

    /// <summary>Invariant 4: the broker's view handed in is for another symbol.</summary>
    BrokerViewForOtherSymbol,

    /// <summary>Invariant 4: <c>sell_to_close</c> on a short or <c>buy_to_close</c> on a long would enlarge it.</summary>
    ClosingWrongSide,

    /// <summary>Invariant 4.</summary>
    QuantityAboveHeld,

    /// <summary>Invariant 4: open orders already reserve part of the position.</summary>
    QuantityAboveAvailable,

    /// <summary>Exits are day orders so that none lingers unseen overnight.</summary>
    NotDayOrder,

    /// <summary>A limit order needs a positive price in cents; a market order carries none.</summary>
    InvalidLimitPrice,

    /// <summary>Invariant 5: without a deterministic id the order cannot be found again after a crash.</summary>
    InvalidClientOrderId,

    /// <summary>Invariant 7: the kill switch is on.</summary>
    GatewayHalted,
}
