namespace PositionManager.Actors.Reconciliation;

/// <summary>Why the reconciler raised an alert. Every kind is something it will not trade its way out of.</summary>
public enum AlertKind
{
    /// <summary>A short option position that no position here manages: the predecessor's failure mode.</summary>
    UnmanagedShort,

    /// <summary>A stock (or any non-option) position: never managed, never sold by this system.</summary>
    StockPosition,

    /// <summary>The broker holds a different quantity than the position here tracks.</summary>
    QuantityDrift,

    /// <summary>The broker holds the contract on the other side than the position here.</summary>
    SideMismatch,

    /// <summary>The broker holds a contract whose position here is closed (bought again, or a close that did not close); a long one is adopted again once seen so for ReconcilerSettings.ReadoptAfter.</summary>
    HeldButClosedHere,

    /// <summary>A long option position the position actor refused to adopt (its reason is in the message).</summary>
    AdoptionRefused,

    /// <summary>An option position whose symbol or quantity cannot be managed (not OCC, or not whole contracts).</summary>
    Unmanageable,

    /// <summary>The contract of a position to adopt could not be read from the broker (timeout, 5xx, 429); its adoption waits for the next pass.</summary>
    ContractLookupFailed,

    /// <summary>The broker holds a contract it says it does not know (404): adopted with the default policy, underlying unknown.</summary>
    ContractUnknown,
}
