using System.Globalization;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions.Events;

namespace PositionManager.Node.Admin;

/// <summary>A journaled position event in the words an operator reads in <c>position history</c>.</summary>
internal static class EventText
{
    public static DateTimeOffset? At(object change) => Current(change) switch
    {
        PositionOpened e => e.At,
        PeakRaised e => e.At,
        PolicyChanged e => e.At,
        ExitTriggered e => e.At,
        CloseOrderSubmitted e => e.At,
        CloseOrderRejected e => e.At,
        CloseOrderPartiallyFilled e => e.At,
        CloseOrderFilled e => e.At,
        CloseOrderCanceled e => e.At,
        PositionClosed e => e.At,
        _ => null,
    };

    public static string Describe(object change) => Current(change) switch
    {
        PositionOpened e => $"opened ({(e.Origin == OpenOrigin.AdoptedAgain ? "adopted again, bought again after its close" : e.Origin.ToString().ToLowerInvariant())}): {e.Side.ToString().ToLowerInvariant()} {e.Quantity} at {Money(e.EntryPrice)}; underlying {e.UnderlyingSymbol ?? "unknown"}; rule {e.RuleName}; policy {ExitPolicyText.Describe(e.Policy)}",
        PeakRaised e => $"new peak {Money(e.Peak)}: stop {Money(e.Stop)}{(e.TrailArmed ? string.Empty : " (trail not armed)")}",
        PolicyChanged { Reapplied: true } e => $"rule {e.RuleName} re-applied by an operator: policy {ExitPolicyText.Describe(e.Policy)}: stop {Money(e.Stop)}",
        PolicyChanged e => $"policy changed to {ExitPolicyText.Describe(e.Policy)}: stop {Money(e.Stop)}",
        ExitTriggered e => $"exit {e.ExitSequence}: {e.Reason} at {Money(e.TriggerPrice)} for {e.Quantity}{(e.LimitPrice is { } limit ? $" (limit {Money(limit)})" : " (market)")}, client order id {e.ClientOrderId}",
        CloseOrderSubmitted e => $"exit {e.ExitSequence}: order {e.BrokerOrderId} accepted by the broker",
        CloseOrderRejected e => $"exit {e.ExitSequence}: refused: {e.Reason}",
        CloseOrderPartiallyFilled e => $"exit {e.ExitSequence}: {e.CumulativeFilledQuantity} filled so far at {Money(e.AveragePrice)} average",
        CloseOrderFilled e => $"exit {e.ExitSequence}: filled, {e.CumulativeFilledQuantity} at {Money(e.AveragePrice)} average",
        CloseOrderCanceled e => $"exit {e.ExitSequence}: order ended {e.Status} without a full fill",
        PositionClosed e => $"closed: {e.Reason}",
        _ => change.GetType().Name,
    };

    /// <summary>An event of an older version, in today's shape: its history reads the same.</summary>
    private static object Current(object change) => change switch
    {
        PositionOpenedV1 old => old.Upgrade(),
        PolicyChangedV1 old => old.Upgrade(),
        _ => change,
    };

    public static string Money(decimal? value) => value is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "none";
}
