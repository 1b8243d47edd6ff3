using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;

namespace PositionManager.Domain.Exits;

/// <summary>
/// Which exit, if any, a price (or the clock alone) calls for. Priority when several fire at once:
/// stop loss, trailing stop, time exit, take profit, scale-out; a full exit always beats a partial.
/// A price that gaps through a level triggers it: every level is "at or beyond", never "equal to".
/// </summary>
public static class ExitEvaluator
{
    public static ExitSignal? Evaluate(PositionState state, decimal? price, DateTimeOffset now)
    {
        var policy = state.Policy;
        var side = state.Side;
        var full = state.Quantity;

        if (price is { } p)
        {
            if (policy.StopLossPercent is { } sl && Trail.GainPercent(side, state.EntryPrice, p) <= -sl)
            {
                return new ExitSignal(ExitReason.StopLoss, full);
            }

            if (state.TrailArmed && state.Stop is { } stop && Trail.IsThrough(side, p, stop))
            {
                return new ExitSignal(ExitReason.TrailingStop, full);
            }
        }

        if (IsTimeToExit(policy.TimeExit, state.Symbol!.Expiry, now))
        {
            return new ExitSignal(ExitReason.TimeExit, full);
        }

        if (price is not { } watched)
        {
            return null;
        }

        var gain = Trail.GainPercent(side, state.EntryPrice, watched);
        if (policy.TakeProfitPercent is { } tp && gain >= tp)
        {
            return new ExitSignal(ExitReason.TakeProfit, full);
        }

        var targets = policy.ScaleOutTargets;
        for (var index = 0; index < targets.Count; index++)
        {
            if (!state.IsScaleOutDone(index) && gain >= targets[index].GainPercent)
            {
                return new ExitSignal(ExitReason.ScaleOut, ScaleOutQuantity(state, targets[index]), index);
            }
        }

        return null;
    }

    public static bool IsTimeToExit(TimeExitRule? rule, DateOnly expiry, DateTimeOffset now)
    {
        if (rule is null)
        {
            return false;
        }

        if (rule.MinutesBeforeCloseOnExpiry is { } minutes && now >= ExpiryClock.RegularClose(expiry).AddMinutes(-minutes))
        {
            return true;
        }

        return rule.DaysBeforeExpiry is { } days && ExpiryClock.NewYorkDate(now) >= expiry.AddDays(-days);
    }

    /// <summary>A share of the ORIGINAL quantity, at least one contract, never more than is left.</summary>
    private static int ScaleOutQuantity(PositionState state, ScaleOutTarget target)
    {
        var share = (int)decimal.Floor(state.OriginalQuantity * target.ClosePercentOfOriginal / 100m);
        return Math.Min(state.Quantity, Math.Max(1, share));
    }
}
