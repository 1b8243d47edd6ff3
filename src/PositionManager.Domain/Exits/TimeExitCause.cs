namespace PositionManager.Domain.Exits;

/// <summary>Which part of a <see cref="TimeExitRule"/> is due, in the order they are checked.</summary>
public enum TimeExitCause
{
    /// <summary><see cref="TimeExitRule.DaysBeforeExpiry"/>.</summary>
    DaysBeforeExpiry,

    /// <summary><see cref="TimeExitRule.MinutesBeforeCloseOnExpiry"/>.</summary>
    CloseOnExpiry,
}
