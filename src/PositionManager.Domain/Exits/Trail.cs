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

    /// <summary>
    /// Whether the trail is armed at this best price. A give-back needs a gain to give back: it
    /// arms only once the best price is better than entry, whatever its activation says.
    /// </summary>
    public static bool IsArmed(TrailingStopRule rule, PositionSide side, decimal entry, decimal best)
    {
        if (rule.Mode == TrailMode.Giveback && !IsBetter(side, best, entry))
        {
            return false;
        }

        if (rule.ActivationGainPercent is null && rule.ActivationPrice is null)
        {
            return true;
        }

        var gainReached = rule.ActivationGainPercent is { } gain && GainPercent(side, entry, best) >= gain;
        var priceReached = rule.ActivationPrice is { } level && (side == PositionSide.Long ? best >= level : best <= level);
        return gainReached || priceReached;
    }

    /// <summary>
    /// The stop a best price implies. Every mode's stop moves with the best price in the holder's
    /// favour only (a long's rises with its peak, a short's falls with its trough), and
    /// <see cref="Tighten"/> keeps it from ever moving back.
    /// </summary>
    public static decimal StopFor(TrailingStopRule rule, PositionSide side, decimal entry, decimal best)
    {
        if (rule.Mode == TrailMode.Giveback)
        {
            // The share of the best gain that is kept; the same formula serves a short, whose
            // gain (entry − trough) is a fall: entry + (trough − entry) × kept.
            var kept = 1m - (rule.Offset / 100m);
            return entry + ((best - entry) * kept);
        }

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
