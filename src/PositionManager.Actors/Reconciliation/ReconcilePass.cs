using Akka.Actor;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Reference;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Quotes;
using static PositionManager.Actors.Positions.PositionProtocol;

namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// The I/O of one pass, off the actor's thread: read the broker, ask the positions, let
/// <see cref="ReconcilePlanner"/> decide, then adopt and mark flat. Its only broker calls are
/// reads; it touches no actor state and returns everything the reconciler must journal.
/// </summary>
internal sealed class ReconcilePass(IBrokerClient broker, IContractDirectory contracts, IActorRef positions, ReconcilerSettings settings, TimeProvider clock)
{
    /// <param name="knownContracts">Contracts read in earlier passes: not read again.</param>
    public async Task<PassResult> RunAsync(
        IReadOnlyDictionary<string, TrackedPosition> tracked,
        IReadOnlyDictionary<string, DateTimeOffset> heldButClosedSince,
        IReadOnlyDictionary<string, ContractLookup> knownContracts,
        CancellationToken cancellationToken)
    {
        var listed = await broker.ListPositionsAsync(cancellationToken).ConfigureAwait(false);
        if (listed.Failure is { } failure)
        {
            return PassResult.Failed($"listing the broker's positions failed ({failure.GetType().Name}): {failure.Message}");
        }

        var held = listed.Value!;
        var notes = new List<string>();
        var views = await StatesAsync(ReconcilePlanner.ToAsk(held, tracked), notes, cancellationToken).ConfigureAwait(false);
        var plan = ReconcilePlanner.Plan(held, views, tracked, settings.Policies.Default, clock.GetUtcNow(), settings.PendingExitGrace, heldButClosedSince, settings.ReadoptAfter);
        var priceSources = views.Values.Where(v => v.IsOpen).ToDictionary(v => v.PositionId, v => v.Policy.PriceSource, StringComparer.Ordinal);
        var findings = plan.Findings.ToList();
        var adoption = await new AdoptionPolicies(contracts, settings, clock).ResolveAsync(plan.Adopt, knownContracts, cancellationToken).ConfigureAwait(false);
        findings.AddRange(adoption.Findings);
        var remembered = RememberedContracts(held, knownContracts, adoption.Read);
        findings.AddRange(remembered.Values.Where(c => !c.Known).Select(c => AdoptionPolicies.Unknown(c.Symbol)));
        var newlyTracked = plan.Track.ToList();
        var adopted = new List<string>();
        var adoptedWith = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var open in adoption.Adopt)
        {
            switch (await AskAsync(open, cancellationToken).ConfigureAwait(false))
            {
                case CommandAccepted { State.IsOpen: true } accepted:
                    adopted.Add(open.PositionId);
                    adoptedWith[open.PositionId] = $"rule {accepted.State.RuleName}, underlying {accepted.State.UnderlyingSymbol ?? "unknown"}";
                    newlyTracked.Add(new TrackedPosition(open.PositionId, open.Symbol));
                    priceSources[open.PositionId] = accepted.State.Policy.PriceSource;
                    break;
                case CommandRefused refused:
                    findings.Add(new Finding(AlertKind.AdoptionRefused, open.Symbol, $"adopting {open.Quantity} {open.Symbol} at {open.EntryPrice} was refused: {refused.Reason}"));
                    break;
                case var other:
                    notes.Add($"adopting {open.Symbol} got no clear answer ({other?.GetType().Name ?? "timeout"}); the next pass tries again");
                    break;
            }
        }

        var released = plan.Release.ToList();
        var markedFlat = new List<string>();
        foreach (var candidate in plan.CheckFlat)
        {
            if (await MarkFlatAsync(candidate, notes, cancellationToken).ConfigureAwait(false))
            {
                markedFlat.Add(candidate.PositionId);
                released.Add(new PositionRelease(candidate.PositionId, $"marked flat: {Reconciler.FlatReason}"));
                priceSources.Remove(candidate.PositionId);
            }
        }

        return new PassResult(held.Count, newlyTracked, released, adopted, markedFlat, findings, plan.Unevaluated, priceSources, notes, null)
        {
            AdoptedWith = adoptedWith,
            Contracts = remembered,
            ContractLookupFailures = adoption.LookupFailures,
        };
    }

    /// <summary>Every contract read so far that the broker still holds; one no longer held is forgotten, and read again if it comes back.</summary>
    private static Dictionary<string, ContractLookup> RememberedContracts(
        IReadOnlyList<BrokerPosition> held, IReadOnlyDictionary<string, ContractLookup> known, IReadOnlyDictionary<string, ContractLookup> read)
    {
        var remembered = new Dictionary<string, ContractLookup>(StringComparer.Ordinal);
        foreach (var symbol in held.Select(p => p.Symbol))
        {
            if (read.TryGetValue(symbol, out var contract) || known.TryGetValue(symbol, out contract))
            {
                remembered[symbol] = contract;
            }
        }

        return remembered;
    }

    /// <summary>
    /// The list is not believed alone before a position is closed: the symbol's own read must say
    /// "none" too (Alpaca's 404 with its error body), so a truncated or glitched list closes nothing.
    /// </summary>
    private async Task<bool> MarkFlatAsync(TrackedPosition candidate, List<string> notes, CancellationToken cancellationToken)
    {
        var single = await broker.GetPositionAsync(candidate.Symbol, cancellationToken).ConfigureAwait(false);
        if (single.Failure is { } failure)
        {
            notes.Add($"{candidate.Symbol} was not listed, but reading it alone failed ({failure.Message}); not marked flat");
            return false;
        }

        if (single.Value is not null)
        {
            notes.Add($"{candidate.Symbol} was not listed, yet the broker holds it when asked alone; not marked flat");
            return false;
        }

        if (await AskAsync(new MarkBrokerFlat(candidate.PositionId, Reconciler.FlatReason), cancellationToken).ConfigureAwait(false) is CommandAccepted { State.Status: PositionStatus.Closed })
        {
            return true;
        }

        notes.Add($"{candidate.PositionId} did not confirm it is closed; the next pass tries again");
        return false;
    }

    private async Task<Dictionary<string, PositionState>> StatesAsync(IReadOnlyList<TrackedPosition> ask, List<string> notes, CancellationToken cancellationToken)
    {
        var answers = await Task.WhenAll(ask.Select(async p => (p, Answer: await AskAsync(new GetState(p.PositionId), cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var views = new Dictionary<string, PositionState>(StringComparer.Ordinal);
        foreach (var (position, answer) in answers)
        {
            if (answer is PositionView view)
            {
                views[position.PositionId] = view.State;
            }
            else
            {
                notes.Add($"{position.PositionId} did not answer within {settings.AskTimeout.TotalSeconds:0.#}s; nothing decided for it this pass");
            }
        }

        return views;
    }

    /// <summary>Null when the position did not answer in time: the pass decides nothing for it.</summary>
    private async Task<object?> AskAsync(IPositionCommand command, CancellationToken cancellationToken)
    {
        try
        {
            return await positions.Ask<object>(command, settings.AskTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return null;
        }
    }
}
