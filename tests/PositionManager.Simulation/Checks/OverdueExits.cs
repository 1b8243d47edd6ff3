using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;

namespace PositionManager.Simulation.Checks;

/// <summary>
/// Invariant (5) at the end of a drained run: a long position whose watched price (sane quotes, an
/// open market, faults cleared for the whole drain) sits through its stop or stop loss must have
/// been closed or have its exit in flight, unless it is reported stuck: refused often enough to
/// alert (<see cref="AlertThreshold"/>), or backing off after a refusal.
/// </summary>
public static class OverdueExits
{
    /// <summary>PositionSettings.RejectionAlertThreshold: from this many refusals in a row each one is an alert.</summary>
    public const int AlertThreshold = 3;

    public static string? Why(PositionState state, decimal bid, decimal ask, DateTimeOffset now)
    {
        if (!state.IsOpen || state.PendingExit is not null || state.Side != Domain.Orders.PositionSide.Long)
        {
            return null;
        }

        if (state.ConsecutiveRejections >= AlertThreshold || state.RetryNotBefore > now)
        {
            return null;
        }

        var price = state.Policy.PriceSource == PriceSource.Mid ? Math.Round((bid + ask) / 2m, 4, MidpointRounding.AwayFromZero) : bid;
        var held = state.OpenedAt is { } opened && state.Policy.MinHold is { } minHold && now < opened + minHold;
        if (!held && state.Stop is { } stop && price <= stop)
        {
            return $"{state.PositionId} watches {price}, at or below its stop {stop}, and has no exit after the drain ({Describe(state)})";
        }

        if (state.Policy.StopLossPercent is { } loss && price <= state.EntryPrice * (1 - (loss / 100m)))
        {
            return $"{state.PositionId} watches {price}, through its {loss}% stop loss from {state.EntryPrice}, and has no exit after the drain ({Describe(state)})";
        }

        return null;
    }

    private static string Describe(PositionState state) =>
        $"quantity {state.Quantity} of {state.OriginalQuantity}, {state.ConsecutiveRejections} refusals in a row, next try {state.RetryNotBefore:O}, policy {state.Policy}";
}
