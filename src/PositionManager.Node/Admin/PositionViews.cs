using PositionManager.Actors.Positions;
using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;

namespace PositionManager.Node.Admin;

/// <summary>A position actor's live view turned into the admin contract, with its stop explained.</summary>
internal static class PositionViews
{
    public static PositionSummary Summary(PositionProtocol.PositionView view)
    {
        var state = view.State;
        return new PositionSummary(
            state.PositionId,
            state.Symbol?.Value ?? state.PositionId,
            state.UnderlyingSymbol ?? state.Symbol?.Root ?? string.Empty,
            state.Status.ToString(),
            state.Side.ToString(),
            state.Quantity,
            state.EntryPrice,
            state.Peak,
            state.Stop,
            WatchedPrice(view.LastQuote, state.Policy.PriceSource),
            state.PendingExit is { } pending ? $"exit {pending.ExitSequence} {pending.Reason} {pending.FilledQuantity}/{pending.Quantity} filled{(view.CancelAskedAt is null ? string.Empty : ", cancelling")}" : null,
            state.RuleName ?? PolicyBook.DefaultName);
    }

    public static PositionDetail Detail(PositionProtocol.PositionView view, DateTimeOffset now)
    {
        var state = view.State;
        var pending = state.PendingExit is { } p
            ? new PendingExitView(p.ExitSequence, p.Reason.ToString(), p.Quantity, p.FilledQuantity, p.ClientOrderId, p.BrokerOrderId, p.TriggeredAt, p.LimitPrice, view.CancelAskedAt)
            : null;
        var quote = view.LastQuote is { } q && view.LastQuoteReceivedAt is { } received
            ? new QuoteView(q.Bid, q.Ask, q.Last, q.Time, received)
            : null;
        return new PositionDetail(
            Summary(view),
            state.OriginalQuantity,
            ExitPolicyText.Describe(state.Policy),
            Values(state.Policy),
            state.TrailArmed,
            ExplainStop(state),
            pending,
            quote,
            view.LastQuoteReceivedAt is { } at ? Math.Round((now - at).TotalSeconds, 1) : null,
            state.OpenedAt,
            state.ClosedReason,
            state.ConsecutiveRejections,
            state.RetryNotBefore,
            state.RuleName,
            state.UnderlyingSymbol);
    }

    public static PolicyView Values(ExitPolicy policy) => new(
        policy.Trailing is { Mode: TrailMode.Percent } percent ? percent.Offset : null,
        policy.Trailing is { Mode: TrailMode.Amount } amount ? amount.Offset : null,
        policy.Trailing?.ActivationGainPercent,
        policy.StopLossPercent,
        policy.TakeProfitPercent,
        policy.PriceSource.ToString().ToLowerInvariant(),
        policy.Trailing is { Mode: TrailMode.Giveback } giveback ? giveback.Offset : null,
        policy.Trailing?.ActivationPrice,
        policy.RetryLimitOffsetPercent,
        policy.ScaleOutTargets.Count > 0 ? ScaleOutText.Format(policy.ScaleOutTargets) : null,
        policy.TimeExit?.DaysBeforeExpiry,
        policy.TimeExit?.MinutesBeforeCloseOnExpiry,
        policy.TimeExit?.MinutesBeforeClose,
        policy.TimeExit?.MaxHold is { } maxHold ? ExitPolicyText.Duration(maxHold) : null,
        policy.MinHold is { } minHold ? ExitPolicyText.Duration(minHold) : null);

    /// <summary>Why the stop is where it is: the answer to "why did (or didn't) it sell".</summary>
    public static string ExplainStop(PositionState state)
    {
        var parts = new List<string>();
        var better = state.Side == PositionSide.Long ? "peak" : "trough";
        if (state.Policy.Trailing is { } trail)
        {
            var offset = trail.Mode switch
            {
                TrailMode.Percent => $"{trail.Offset}% from the {better}",
                TrailMode.Amount => $"{EventText.Money(trail.Offset)} from the {better}",
                _ => $"{100 - trail.Offset}% of the best gain kept, {better}",
            };
            parts.Add(state.TrailArmed
                ? $"trailing stop {EventText.Money(state.Stop)} = {offset} {EventText.Money(state.Peak)}"
                : $"trailing stop not armed yet ({ExitPolicyText.Describe(state.Policy with { StopLossPercent = null, TakeProfitPercent = null })}); {better} so far {EventText.Money(state.Peak)}");
        }

        if (state.Policy.StopLossPercent is { } stopLoss)
        {
            var factor = state.Side == PositionSide.Long ? 1 - (stopLoss / 100m) : 1 + (stopLoss / 100m);
            parts.Add($"stop loss {EventText.Money(decimal.Round(state.EntryPrice * factor, 4))} = {stopLoss}% from the entry {EventText.Money(state.EntryPrice)}");
        }

        if (parts.Count == 0)
        {
            return "no stop: the policy has neither a trailing stop nor a stop loss";
        }

        var source = state.Policy.PriceSource.ToString().ToLowerInvariant();
        return $"{string.Join("; ", parts)}; watched price: the {source}";
    }

    private static decimal? WatchedPrice(MarketQuote? quote, PriceSource source) =>
        quote is not null && double.IsFinite(quote.Bid) && double.IsFinite(quote.Ask)
            ? new SaneQuote(quote.Symbol, (decimal)quote.Bid, (decimal)quote.Ask, quote.Last is { } last && double.IsFinite(last) ? (decimal)last : null, quote.Time).PriceFor(source)
            : null;
}
