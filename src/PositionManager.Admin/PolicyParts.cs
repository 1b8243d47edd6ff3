namespace PositionManager.Admin;

/// <summary>The parts of a position's policy <c>pmctl position policy --clear</c> removes, named after their options.</summary>
public static class PolicyParts
{
    /// <summary>The trailing stop in whichever mode, with its activation.</summary>
    public const string Trailing = "trailing";

    /// <summary>Both activation thresholds: the trail is then armed at once.</summary>
    public const string TrailingActivation = "trailing-activation";

    public const string StopLoss = "stop-loss";

    public const string TakeProfit = "take-profit";

    public const string RetryLimitOffset = "retry-limit-offset";

    public const string ScaleOuts = "scale-outs";

    public const string ExitDaysBeforeExpiry = "exit-days-before-expiry";

    public const string ExitMinutesBeforeCloseOnExpiry = "exit-minutes-before-close-on-expiry";

    public const string ExitMinutesBeforeClose = "exit-minutes-before-close";

    public const string MaxHold = "max-hold";

    public const string MinHold = "min-hold";

    public static readonly string[] All =
    [
        Trailing, TrailingActivation, StopLoss, TakeProfit, RetryLimitOffset, ScaleOuts,
        ExitDaysBeforeExpiry, ExitMinutesBeforeCloseOnExpiry, ExitMinutesBeforeClose, MaxHold, MinHold,
    ];
}
