using PositionManager.Domain.Orders;

namespace PositionManager.Domain.Exits;

/// <summary>
/// Trailing-stop arithmetic for both sides. A long trails its peak (highest price) with the stop
/// below it; a short trails its trough (lowest price) with the stop above it. "Best" is the
/// holder's best price: the peak of a long, the trough of a short.
/// </summary>
public static class Trail
{
    public static decimal GainPercent(PositionSide side, decimal entry, decimal price) =>
        side == PositionSide.Long ? (price - entry) / entry * 100m : (entry - price) / entry * 100m;

    public static bool IsBetter(PositionSide side, decimal price, decimal best) =>
        side == PositionSide.Long ? price > best : price < best;

    public static bool IsArmed(TrailingStopRule rule, PositionSide side, decimal entry, decimal best)
    {
        if (rule.ActivationGainPercent is null && rule.ActivationPrice is null)
        {
            return true;
        }

        var gainReached = rule.ActivationGainPercent is { } gain && GainPercent(side, entry, best) >= gain;
        var priceReached = rule.ActivationPrice is { } level && (side == PositionSide.Long ? best >= level : best <= level);
        return gainReached || priceReached;
    }

    public static decimal StopFor(TrailingStopRule rule, PositionSide side, decimal best)
    {
        var distance = rule.Mode == TrailMode.Percent ? best * rule.Offset / 100m : rule.Offset;
        return side == PositionSide.Long ? best - distance : best + distance;
    }

    /// <summary>The stop a new best price implies, never looser than <paramref name="current"/>.</summary>
    public static decimal Tighten(PositionSide side, decimal? current, decimal candidate) =>
        current is not { } stop ? candidate
        : side == PositionSide.Long ? Math.Max(stop, candidate)
        : Math.Min(stop, candidate);

    public static bool IsThrough(PositionSide side, decimal price, decimal stop) =>
        side == PositionSide.Long ? price <= stop : price >= stop;
}
