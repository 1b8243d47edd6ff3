using PositionManager.Domain.Exits;
using PositionManager.Domain.Market;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Quotes;
using PositionManager.Domain.Symbols;

namespace PositionManager.Domain.Positions;

/// <summary>
/// The pure decisions of a position: state + input → events. The actor journals what these
/// return and nothing else, and <see cref="PositionState.Apply"/> folds the events back in.
/// </summary>
public static class PositionDecisions
{
    /// <summary>One refusal for every quote while the market is closed, so those allocate nothing.</summary>
    private static readonly Decision MarketClosed = Decision.Refuse("the market is closed: a quote moves no peak or stop and triggers no exit until it opens");

    public static Decision Open(PositionState state, OpenPosition command, DateTimeOffset now)
    {
        switch (state.Status)
        {
            case PositionStatus.Closed when command.Origin != OpenOrigin.AdoptedAgain:
                return Decision.Refuse($"position {state.PositionId} is closed ({state.ClosedReason}); only the reconciler's adoption of a contract bought again reopens it");
            case PositionStatus.Open:
                return Decision.Nothing; // idempotent: the reconciler may adopt the same position again
        }

        var problems = new List<string>();
        if (!OptionSymbol.TryParse(command.Symbol, out _, out var symbolProblem))
        {
            problems.Add($"'{command.Symbol}' is not an OCC option symbol ({symbolProblem}); stock is never managed");
        }

        if (command.Quantity <= 0)
        {
            problems.Add($"quantity {command.Quantity} must be positive");
        }

        if (command.EntryPrice <= 0)
        {
            problems.Add($"entry price {command.EntryPrice} must be positive");
        }

        problems.AddRange(command.Policy.Problems());
        return problems.Count > 0
            ? Decision.Refuse(string.Join("; ", problems))
            : Decision.Of(new PositionOpened(state.PositionId, command.Symbol, command.Side, command.Quantity, command.EntryPrice, command.Policy, command.Origin, now, command.UnderlyingSymbol, command.RuleName));
    }

    /// <summary>
    /// A quote arrived. Most quotes decide nothing: only a new best price or an exit is journaled.
    /// While the market is closed a quote decides nothing at all, not even a new best price: the
    /// first sane quote after the open decides, on the price it shows then.
    /// </summary>
    public static Decision OnQuote(PositionState state, MarketQuote quote, MarketMoment market, TimeSpan maxQuoteAge)
    {
        if (!state.IsOpen)
        {
            return Decision.Refuse($"position is {state.Status.ToString().ToLowerInvariant()}");
        }

        if (!market.IsOpen)
        {
            return MarketClosed;
        }

        var now = market.Now;

        var verdict = QuoteSanity.Check(quote, state.Symbol!.Value, now, maxQuoteAge);
        if (verdict.Quote is not { } sane)
        {
            return Decision.Refuse(verdict.Reason);
        }

        if (sane.PriceFor(state.Policy.PriceSource) is not { } price)
        {
            return Decision.Refuse($"the quote has no {state.Policy.PriceSource} price");
        }

        // Most quotes neither raise the peak nor trigger an exit; they allocate no event list.
        PeakRaised? raised = null;
        var current = state;
        if (Trail.IsBetter(state.Side, price, state.Peak))
        {
            raised = RaisePeak(state, price, now);
            current = state.Apply(raised);
        }

        return (raised, TriggerExit(current, price, market)) switch
        {
            (null, null) => Decision.Nothing,
            ({ } peak, null) => Decision.Of(peak),
            (null, { } exit) => Decision.Of(exit),
            ({ } peak, { } exit) => Decision.Of(peak, exit),
        };
    }

    /// <summary>The clock alone: time exits fire even when no quote arrives, but not while the market is closed.</summary>
    public static Decision OnClock(PositionState state, MarketMoment market) =>
        state.IsOpen && TriggerExit(state, null, market) is { } exit ? Decision.Of(exit) : Decision.Nothing;

    public static Decision ChangePolicy(PositionState state, ExitPolicy policy, DateTimeOffset now) =>
        NewPolicy(state, policy, now, rule: null, underlyingSymbol: null);

    /// <summary>
    /// An operator re-applies the current rules: the rule's policy replaces the position's, its stop
    /// recomputed as for any policy change, and the rule is journaled with it. A position that
    /// already has this rule's policy changes nothing, so re-applying twice journals once.
    /// </summary>
    /// <param name="underlyingSymbol">The contract's underlying as the rules judged it; journaled when the position did not know it.</param>
    public static Decision ReapplyRule(PositionState state, string ruleName, ExitPolicy policy, string? underlyingSymbol, DateTimeOffset now)
    {
        if (state.IsOpen && state.RuleName == ruleName && state.Policy == policy)
        {
            return Decision.Nothing;
        }

        return NewPolicy(state, policy, now, ruleName, state.UnderlyingSymbol is null ? underlyingSymbol : null);
    }

    private static Decision NewPolicy(PositionState state, ExitPolicy policy, DateTimeOffset now, string? rule, string? underlyingSymbol)
    {
        if (!state.IsOpen)
        {
            return Decision.Refuse($"position is {state.Status.ToString().ToLowerInvariant()}");
        }

        var problems = policy.Problems();
        if (problems.Count > 0)
        {
            return Decision.Refuse(string.Join("; ", problems));
        }

        // An operator's explicit change sets the stop the new policy implies at the current peak;
        // only ticks are bound to never loosen it.
        var armed = policy.Trailing is { } trail && Trail.IsArmed(trail, state.Side, state.EntryPrice, state.Peak);
        var stop = armed ? Trail.StopFor(policy.Trailing!, state.Side, state.EntryPrice, state.Peak) : (decimal?)null;
        return Decision.Of(new PolicyChanged(policy, stop, armed, now, rule, Reapplied: rule is not null, underlyingSymbol));
    }

    public static Decision RequestClose(PositionState state, DateTimeOffset now)
    {
        if (!state.IsOpen)
        {
            return Decision.Refuse($"position is {state.Status.ToString().ToLowerInvariant()}");
        }

        return state.PendingExit is { } pending
            ? Decision.Refuse($"exit {pending.ExitSequence} ({pending.Reason}) is already pending as {pending.ClientOrderId}")
            : Decision.Of(Trigger(state, new ExitSignal(ExitReason.Manual, state.Quantity), null, now));
    }

    /// <summary>An order outcome. One for an exit that is not pending (late or repeated) changes nothing.</summary>
    public static Decision OnOrderOutcome(PositionState state, OrderOutcome outcome, DateTimeOffset now)
    {
        if (state.PendingExit is not { } pending || pending.ExitSequence != outcome.ExitSequence)
        {
            return Decision.Nothing;
        }

        return outcome switch
        {
            OrderOutcome.Submitted s when pending.BrokerOrderId is null =>
                Decision.Of(new CloseOrderSubmitted(s.ExitSequence, s.ClientOrderId, s.BrokerOrderId, now)),
            OrderOutcome.Rejected r => Decision.Of(new CloseOrderRejected(r.ExitSequence, r.Reason, now)),
            OrderOutcome.Fill f => OnFill(state, pending, f, now),
            OrderOutcome.Ended e => Decision.Of(new CloseOrderCanceled(e.ExitSequence, e.Status, now)),
            _ => Decision.Nothing,
        };
    }

    /// <summary>The broker holds nothing any more (closed elsewhere, expired, exercised).</summary>
    public static Decision OnBrokerFlat(PositionState state, string reason, DateTimeOffset now) =>
        state.IsOpen ? Decision.Of(new PositionClosed(reason, now)) : Decision.Nothing;

    private static Decision OnFill(PositionState state, PendingExit pending, OrderOutcome.Fill fill, DateTimeOffset now)
    {
        // A broker never fills more than was ordered; capping keeps a malformed report from
        // driving the quantity below zero.
        var cumulative = Math.Min(fill.CumulativeFilledQuantity, pending.Quantity);
        if (cumulative < pending.FilledQuantity || (cumulative == pending.FilledQuantity && !fill.OrderComplete))
        {
            return Decision.Nothing;
        }

        if (!fill.OrderComplete && cumulative < pending.Quantity)
        {
            return Decision.Of(new CloseOrderPartiallyFilled(fill.ExitSequence, cumulative, fill.AveragePrice, now));
        }

        var filled = new CloseOrderFilled(fill.ExitSequence, cumulative, fill.AveragePrice, now);
        var remaining = state.Quantity - (cumulative - pending.FilledQuantity);
        return remaining > 0
            ? Decision.Of(filled)
            : Decision.Of(filled, new PositionClosed($"{pending.Reason} exit {pending.ExitSequence} filled", now));
    }

    private static PeakRaised RaisePeak(PositionState state, decimal price, DateTimeOffset now)
    {
        if (state.Policy.Trailing is not { } trail)
        {
            return new PeakRaised(price, state.Stop, false, now);
        }

        var armed = state.TrailArmed || Trail.IsArmed(trail, state.Side, state.EntryPrice, price);
        var stop = armed ? Trail.Tighten(state.Side, state.Stop, Trail.StopFor(trail, state.Side, state.EntryPrice, price)) : state.Stop;
        return new PeakRaised(price, stop, armed, now);
    }

    private static ExitTriggered? TriggerExit(PositionState state, decimal? price, MarketMoment market)
    {
        if (state.PendingExit is not null || state.Quantity <= 0 || market.Now < state.RetryNotBefore)
        {
            return null;
        }

        return ExitEvaluator.Evaluate(state, price, market) is { } signal ? Trigger(state, signal, price, market.Now) : null;
    }

    private static ExitTriggered Trigger(PositionState state, ExitSignal signal, decimal? price, DateTimeOffset now)
    {
        var sequence = state.NextExitSequence;
        var clientOrderId = ClientOrderId.For(state.PositionId, state.Symbol!.Value, state.OpenedAt!.Value, sequence);
        return new ExitTriggered(sequence, signal.Reason, signal.Quantity, price, signal.ScaleOutIndex, clientOrderId, now, RetryLimitPrice(state, price));
    }

    /// <summary>
    /// After a refused close, a policy may ask for a marketable limit instead of another market
    /// order: the offset below (a sell) or above (a buy) the evaluated price, in whole cents.
    /// </summary>
    private static decimal? RetryLimitPrice(PositionState state, decimal? price)
    {
        if (state.ConsecutiveRejections == 0 || state.Policy.RetryLimitOffsetPercent is not { } offset || price is not { } reference)
        {
            return null;
        }

        var factor = offset / 100m;
        return state.Side == PositionSide.Long
            ? Math.Max(0.01m, Math.Floor(reference * (1 - factor) * 100m) / 100m)
            : Math.Ceiling(reference * (1 + factor) * 100m) / 100m;
    }
}
