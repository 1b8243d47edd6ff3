namespace PositionManager.Domain.Positions.Events;

public enum OpenOrigin
{
    /// <summary>Opened by this system's own instruction.</summary>
    Opened,

    /// <summary>Found at the broker and taken under management by the reconciler.</summary>
    Adopted,

    /// <summary>
    /// Bought again at the broker after its position here had closed, and taken under management
    /// again by the reconciler: a new lifecycle of the same contract. The only way a closed position
    /// opens again; a tick, a fill or a plain adoption never reopens one.
    /// </summary>
    AdoptedAgain,
}
