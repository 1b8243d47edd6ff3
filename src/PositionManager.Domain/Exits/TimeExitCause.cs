namespace PositionManager.Domain.Exits;

/// <summary>Which part of a <see cref="TimeExitRule"/> is due, in the order they are checked.</summary>
public enum TimeExitCause
{
    /// <summary><see cref="TimeExitRule.DaysBeforeExpiry"/>: protects against expiry, so a minimum hold does not hold it back.</summary>
    DaysBeforeExpiry,

    /// <summary><see cref="TimeExitRule.MinutesBeforeCloseOnExpiry"/>: protects against expiry, so a minimum hold does not hold it back.</summary>
    CloseOnExpiry,

    /// <summary><see cref="TimeExitRule.MinutesBeforeClose"/>, the close of a session.</summary>
    SessionClose,

    /// <summary><see cref="TimeExitRule.MaxHold"/>.</summary>
    MaxHold,
}
