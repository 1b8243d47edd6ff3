namespace PositionManager.Domain.Positions.Events;

public enum OpenOrigin
{
    /// <summary>Opened by this system's own instruction.</summary>
    Opened,

    /// <summary>Found at the broker and taken under management by the reconciler.</summary>
    Adopted,
}
