using System.Globalization;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Orders;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Symbols;

namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// The reconciler's decisions as a pure function of what the broker holds, what the positions here
/// say, and what the reconciler tracks. It decides to adopt, to release, to confirm a flat, and to
/// alert; it never decides to trade: nothing here can become an order.
/// </summary>
public static class ReconcilePlanner
{
    /// <summary>
    /// The positions whose state a pass needs: every tracked one, and every untracked contract the
    /// pass could adopt (long, whole contracts). Asking starts the entity, and remember-entities
    /// then keeps an idle, never-opened one running for good; so a contract the system could not
    /// take on (a short it did not open, a fractional quantity) is judged from the broker's side
    /// alone. Every position this system opens is tracked: the reconciler is what opens them.
    /// </summary>
    public static IReadOnlyList<TrackedPosition> ToAsk(IReadOnlyList<BrokerPosition> broker, IReadOnlyDictionary<string, TrackedPosition> tracked)
    {
        var ask = new Dictionary<string, TrackedPosition>(tracked, StringComparer.Ordinal);
        foreach (var held in broker.Where(p => p.IsOption && IsAdoptable(p) && OptionSymbol.TryParse(p.Symbol, out _, out _)))
        {
            // One position per contract: its entity id is the OCC symbol.
            ask.TryAdd(held.Symbol, new TrackedPosition(held.Symbol, held.Symbol));
        }

        return [.. ask.Values];
    }

    /// <param name="heldButClosedSince">Since when each contract has been seen held at the broker while its position here is closed (the reconciler's active alerts).</param>
    /// <param name="readoptAfter">How long a contract must have been seen so before it is adopted again.</param>
    public static ReconcilePlan Plan(
        IReadOnlyList<BrokerPosition> broker,
        IReadOnlyDictionary<string, PositionState> views,
        IReadOnlyDictionary<string, TrackedPosition> tracked,
        ExitPolicy defaultPolicy,
        DateTimeOffset now,
        TimeSpan pendingExitGrace,
        IReadOnlyDictionary<string, DateTimeOffset>? heldButClosedSince = null,
        TimeSpan? readoptAfter = null)
    {
        var adopt = new List<PositionProtocol.Open>();
        var track = new List<TrackedPosition>();
        var checkFlat = new List<TrackedPosition>();
        var release = new List<PositionRelease>();
        var findings = new List<Finding>();
        var unevaluated = new HashSet<string>(StringComparer.Ordinal);
        var held = new HashSet<string>(StringComparer.Ordinal);

        foreach (var position in broker)
        {
            held.Add(position.Symbol);
            if (!position.IsOption)
            {
                findings.Add(Stock(position));
                continue;
            }

            if (!OptionSymbol.TryParse(position.Symbol, out _, out var symbolProblem))
            {
                findings.Add(new Finding(AlertKind.Unmanageable, position.Symbol, $"option position {position.Symbol} has no OCC contract symbol ({symbolProblem}); not managed"));
                continue;
            }

            var isTracked = tracked.ContainsKey(position.Symbol);
            if (!isTracked && !IsAdoptable(position))
            {
                // Not asked (see ToAsk): what the broker says is all there is to judge.
                findings.Add(NotAdoptable(position));
                continue;
            }

            if (!views.TryGetValue(position.Symbol, out var view))
            {
                unevaluated.Add(position.Symbol);
                continue;
            }

            switch (view.Status)
            {
                case PositionStatus.New when !IsAdoptable(position):
                    findings.Add(NotAdoptable(position));
                    break;
                case PositionStatus.New:
                    adopt.Add(new PositionProtocol.Open(position.Symbol, position.Symbol, PositionSide.Long, (int)position.Quantity, position.AverageEntryPrice, defaultPolicy, OpenOrigin.Adopted));
                    break;
                case PositionStatus.Open:
                    if (!isTracked)
                    {
                        track.Add(new TrackedPosition(view.PositionId, position.Symbol));
                    }

                    if (Compare(position, view) is { } mismatch)
                    {
                        findings.Add(mismatch);
                    }

                    break;
                case PositionStatus.Closed when IsAdoptable(position)
                                                && heldButClosedSince is not null
                                                && heldButClosedSince.TryGetValue(position.Symbol, out var since)
                                                && now - since >= (readoptAfter ?? TimeSpan.Zero):
                    // Still held, in pass after pass, long after the close here: bought again, not
                    // the broker's list lagging behind our own sell. A new lifecycle of the contract.
                    adopt.Add(new PositionProtocol.Open(position.Symbol, position.Symbol, PositionSide.Long, (int)position.Quantity, position.AverageEntryPrice, defaultPolicy, OpenOrigin.AdoptedAgain));
                    break;
                case PositionStatus.Closed:
                    findings.Add(new Finding(AlertKind.HeldButClosedHere, position.Symbol,
                        $"the broker holds {position.Side.ToString().ToLowerInvariant()} {Qty(position.Quantity)} {position.Symbol}, but its position here is closed ({view.ClosedReason}); "
                        + (IsAdoptable(position) ? "adopted again if the broker still holds it at a later pass" : "not adopted again (not a long of whole contracts)")));
                    if (isTracked)
                    {
                        release.Add(new PositionRelease(view.PositionId, $"closed: {view.ClosedReason}"));
                    }

                    break;
            }
        }

        foreach (var known in tracked.Values.Where(t => !held.Contains(t.Symbol)))
        {
            if (!views.TryGetValue(known.PositionId, out var view))
            {
                unevaluated.Add(known.Symbol);
            }
            else if (view.Status != PositionStatus.Open)
            {
                release.Add(new PositionRelease(known.PositionId, view.Status == PositionStatus.Closed ? $"closed: {view.ClosedReason}" : "never opened"));
            }
            else if (view.PendingExit is not { } pending || now - pending.TriggeredAt >= pendingExitGrace)
            {
                checkFlat.Add(known);
            }
        }

        return new ReconcilePlan(adopt, track, checkFlat, release, findings, unevaluated);
    }

    private static Finding? Compare(BrokerPosition position, PositionState view)
    {
        if (view.Side != position.Side)
        {
            return new Finding(AlertKind.SideMismatch, position.Symbol,
                $"{position.Symbol} is {position.Side.ToString().ToLowerInvariant()} {Qty(position.Quantity)} at the broker but {view.Side.ToString().ToLowerInvariant()} {view.Quantity} here");
        }

        // While an exit is in flight the broker moves first; the fill will bring the two together.
        return view.PendingExit is null && view.Quantity != position.Quantity
            ? new Finding(AlertKind.QuantityDrift, position.Symbol, $"{position.Symbol}: the broker holds {Qty(position.Quantity)}, the position here {view.Quantity}")
            : null;
    }

    private static bool IsAdoptable(BrokerPosition position) => position.Side == PositionSide.Long && IsWhole(position.Quantity);

    private static Finding NotAdoptable(BrokerPosition position) => position.Side == PositionSide.Short
        ? new Finding(AlertKind.UnmanagedShort, position.Symbol,
            $"SHORT {Qty(position.Quantity)} {position.Symbol} at the broker was not opened by this system; not adopted (only longs are), nothing will buy it back")
        : new Finding(AlertKind.Unmanageable, position.Symbol, $"{position.Symbol}: quantity {Qty(position.Quantity)} is not whole contracts; not adopted");

    private static Finding Stock(BrokerPosition position)
    {
        var side = position.Side == PositionSide.Short ? "SHORT " : string.Empty;
        return new Finding(AlertKind.StockPosition, position.Symbol,
            $"{side}{position.AssetClass} position {Qty(position.Quantity)} {position.Symbol}: not an option, never managed or sold by this system");
    }

    private static bool IsWhole(decimal quantity) => quantity == decimal.Truncate(quantity) && quantity is > 0 and <= int.MaxValue;

    private static string Qty(decimal quantity) => quantity.ToString("0.########", CultureInfo.InvariantCulture);
}
