namespace PositionManager.Domain.Exits;

/// <summary>
/// Close before expiry: <see cref="MinutesBeforeCloseOnExpiry"/> minutes before the regular close
/// (16:00 New York) on expiry day, and/or from <see cref="DaysBeforeExpiry"/> calendar days before it.
/// Early-close days are not modelled: set the minutes wide enough to cover them.
/// </summary>
public sealed record TimeExitRule(int? MinutesBeforeCloseOnExpiry = null, int? DaysBeforeExpiry = null);
