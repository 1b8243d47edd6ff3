using System.Collections.Concurrent;
using PositionManager.Actors.Positions;
using PositionManager.Alpaca.Reference;
using PositionManager.Domain.Market;
using PositionManager.Domain.Policies;
using PositionManager.Domain.Symbols;

namespace PositionManager.Actors.Reconciliation;

/// <summary>
/// Gives each adoption its policy: reads the contract from the broker (once: a contract read
/// before is not read again), lets the rules choose on its <c>underlying_symbol</c>, and names
/// the rule and the underlying in the <c>Open</c>. A read that fails defers that adoption to the
/// next pass; a contract the broker does not know is adopted with the default policy (see
/// docs/DESIGN.md, "The reconciler").
/// </summary>
internal sealed class AdoptionPolicies(IContractDirectory directory, ReconcilerSettings settings, TimeProvider clock)
{
    /// <param name="known">Contracts read in earlier passes; not read again.</param>
    public async Task<AdoptionOutcome> ResolveAsync(IReadOnlyList<PositionProtocol.Open> adopt, IReadOnlyDictionary<string, ContractLookup> known, CancellationToken cancellationToken)
    {
        var read = new ConcurrentDictionary<string, ContractLookup>(StringComparer.Ordinal);
        var failed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var toRead = adopt.Select(o => o.Symbol).Where(s => !known.ContainsKey(s)).Distinct(StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(
            toRead,
            new ParallelOptions { MaxDegreeOfParallelism = settings.ContractLookupConcurrency, CancellationToken = cancellationToken },
            async (symbol, cancel) =>
            {
                var answer = await directory.GetContractAsync(OptionSymbol.Parse(symbol), cancel).ConfigureAwait(false);
                if (answer.Failure is { } failure)
                {
                    failed[symbol] = $"{failure.GetType().Name}: {failure.Message}";
                }
                else
                {
                    read[symbol] = new ContractLookup(symbol, answer.Value?.UnderlyingSymbol);
                }
            }).ConfigureAwait(false);

        var today = NewYorkTime.DateOf(clock.GetUtcNow());
        var ready = new List<PositionProtocol.Open>();
        var findings = new List<Finding>();
        foreach (var open in adopt)
        {
            if (failed.TryGetValue(open.Symbol, out var why))
            {
                findings.Add(new Finding(AlertKind.ContractLookupFailed, open.Symbol,
                    $"reading contract {open.Symbol} from the broker failed ({why}); its adoption waits for the next pass"));
                continue;
            }

            var contract = known.TryGetValue(open.Symbol, out var earlier) ? earlier : read[open.Symbol];
            if (contract.UnderlyingSymbol is not { } underlying)
            {
                // Unmanaged, a long has no stop at all; the default policy is the one no rule had to match.
                ready.Add(open with { Policy = settings.Policies.Default, RuleName = PolicyBook.DefaultName, UnderlyingSymbol = null });
                continue;
            }

            var choice = settings.Policies.Choose(new ContractFacts(OptionSymbol.Parse(open.Symbol), underlying), today);
            ready.Add(open with { Policy = choice.Policy, RuleName = choice.RuleName, UnderlyingSymbol = underlying });
        }

        return new AdoptionOutcome(ready, findings, read, failed.Count);
    }

    /// <summary>The alert of a contract the broker holds but does not know, for as long as it holds it.</summary>
    public static Finding Unknown(string symbol) =>
        new(AlertKind.ContractUnknown, symbol,
            $"the broker holds {symbol} but answers 404 for the contract (/v2/options/contracts); managed with the default policy, its underlying unknown, so no rule can match it");
}

/// <param name="Adopt">The adoptions to send, each with its rule's policy.</param>
/// <param name="Findings">Contracts whose read failed: not adopted this pass.</param>
/// <param name="Read">Contracts read in this pass, to remember.</param>
internal sealed record AdoptionOutcome(IReadOnlyList<PositionProtocol.Open> Adopt, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, ContractLookup> Read, int LookupFailures);
