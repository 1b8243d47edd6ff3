namespace PositionManager.Alpaca.Http;

/// <summary>Who goes first when the trading budget is short (docs/DESIGN.md, "Exits first").</summary>
public enum RequestPriority
{
    /// <summary>On an exit's path: its position read, its submit, the lookups that decide whether it may be sent again.</summary>
    Urgent,

    /// <summary>Can wait out a burst of exits: reconciliation passes, the market clock, calendar and contract reads.</summary>
    Background,
}
