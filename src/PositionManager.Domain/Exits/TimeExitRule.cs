namespace PositionManager.Domain.Exits;

/// <summary>
/// Close before expiry, measured against the market's real sessions (a half day closes early and
/// moves the close with it):
/// <list type="bullet">
/// <item><see cref="MinutesBeforeCloseOnExpiry"/>: from this many minutes before the close of the
/// expiry session (the session on the expiry date, or the last one before it when the market is
/// closed that day);</item>
/// <item><see cref="DaysBeforeExpiry"/>: from this many calendar days before the expiry date (New
/// York dates; 0 is the expiry day from midnight).</item>
/// </list>
/// Like every exit, neither fires while the market is closed: a time passed while closed fires on
/// the first evaluation after the open.
/// </summary>
public sealed record TimeExitRule(int? MinutesBeforeCloseOnExpiry = null, int? DaysBeforeExpiry = null);
