using PositionManager.Domain.Market;
using PositionManager.Domain.Positions;

namespace PositionManager.Domain.Exits;

/// <summary>
/// Which exit, if any, a price (or the clock alone) calls for. Priority when several fire at once:
/// stop loss, trailing stop, time exit, take profit, scale-out; a full exit always beats a partial.
/// A price that gaps through a level triggers it: every level is "at or beyond", never "equal to".
/// While the market is closed nothing fires. During a minimum hold only the stop loss and the
/// time exits that protect against expiry fire.
/// </summary>
public static class ExitEvaluator
{
    public static ExitSignal? Evaluate(PositionState state, decimal? price, MarketMoment market)
    {
        if (!market.IsOpen)
        {
            return null;
        }

        var policy = state.Policy;
        var side = state.Side;
        var full = state.Quantity;
        var now = market.Now;
        var holding = IsInMinHold(state, now);

        if (price is { } p)
        {
            if (policy.StopLossPercent is { } sl && Trail.GainPercent(side, state.EntryPrice, p) <= -sl)
            {
                return new ExitSignal(ExitReason.StopLoss, full);
            }

            if (!holding && state.TrailArmed && state.Stop is { } stop && Trail.IsThrough(side, p, stop))
            {
                return new ExitSignal(ExitReason.TrailingStop, full);
            }
        }

        if (DueTimeExit(policy.TimeExit, state.Symbol!.Expiry, state.OpenedAt, market) is { } cause && (!holding || ProtectsAgainstExpiry(cause)))
        {
            return new ExitSignal(ExitReason.TimeExit, full);
        }

        if (holding || price is not { } watched)
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
            if (state.IsScaleOutDone(index) || gain < targets[index].GainPercent)
            {
                continue;
            }

            // A target whose share of the original quantity rounds down to no contract is skipped.
            var quantity = Math.Min(full, targets[index].ContractsOf(state.OriginalQuantity));
            if (quantity > 0)
            {
                return new ExitSignal(ExitReason.ScaleOut, quantity, index);
            }
        }

        return null;
    }

    /// <summary>
    /// The first part of a time exit that is due at <paramref name="market"/>'s time, or null. Due
    /// here says nothing of whether the market is open; <see cref="Evaluate"/> checks that.
    /// </summary>
    /// <param name="openedAt">When the position was opened or adopted here; without it, no hold or session rule is due.</param>
    public static TimeExitCause? DueTimeExit(TimeExitRule? rule, DateOnly expiry, DateTimeOffset? openedAt, MarketMoment market)
    {
        if (rule is null)
        {
            return null;
        }

        var now = market.Now;
        if (rule.DaysBeforeExpiry is { } days && NewYorkTime.DateOf(now) >= expiry.AddDays(-days))
        {
            return TimeExitCause.DaysBeforeExpiry;
        }

        if (rule.MinutesBeforeCloseOnExpiry is { } minutes && now >= ExpiryClose(market.Calendar, expiry).AddMinutes(-minutes))
        {
            return TimeExitCause.CloseOnExpiry;
        }

        if (openedAt is not { } opened)
        {
            return null;
        }

        if (rule.MinutesBeforeClose is { } beforeClose
            && market.Calendar.FirstSessionClosingAfter(opened) is { } first
            && now >= first.Close.AddMinutes(-beforeClose))
        {
            return TimeExitCause.SessionClose;
        }

        return rule.MaxHold is { } maxHold && now - opened >= maxHold ? TimeExitCause.MaxHold : null;
    }

    /// <summary>
    /// The instant an option expiring on <paramref name="expiry"/> stops trading: the close of the
    /// expiry session (the session that day, or the last one before it), or 16:00 New York on the
    /// expiry date when the calendar knows no session near it.
    /// </summary>
    public static DateTimeOffset ExpiryClose(ISessionCalendar calendar, DateOnly expiry) =>
        calendar.LastSessionOnOrBefore(expiry) is { } session
            ? session.Close
            : NewYorkTime.At(expiry, RegularSessionCalendar.RegularClose);

    /// <summary>Whether a minimum hold is still running: only the stop loss and expiry's time exits may fire.</summary>
    public static bool IsInMinHold(PositionState state, DateTimeOffset now) =>
        state.Policy.MinHold is { } minHold && state.OpenedAt is { } opened && now - opened < minHold;

    /// <summary>
    /// The expiry rules close a position before the contract stops trading; holding one through
    /// expiry for the sake of a minimum hold would risk far more than the hold protects.
    /// </summary>
    public static bool ProtectsAgainstExpiry(TimeExitCause cause) =>
        cause is TimeExitCause.DaysBeforeExpiry or TimeExitCause.CloseOnExpiry;
}
