using PositionManager.Domain.Exits;

namespace PositionManager.Domain.Positions.Events;

/// <param name="RuleName">The rule whose policy an operator re-applied; null for a policy set by hand, which keeps the rule the position came from.</param>
/// <param name="Reapplied">An operator re-applied the current rules (<c>pmctl policy reapply</c>), rather than setting the policy by hand.</param>
/// <param name="UnderlyingSymbol">The underlying read for the re-application, when the position did not know it yet (opened before rules).</param>
public sealed record PolicyChanged(
    ExitPolicy Policy,
    decimal? Stop,
    bool TrailArmed,
    DateTimeOffset At,
    string? RuleName = null,
    bool Reapplied = false,
    string? UnderlyingSymbol = null) : IPositionEvent;
