using PositionManager.Domain.Quotes;

namespace PositionManager.Actors.Reconciliation;

/// <summary>What one pass found and did; the reconciler journals and reports it.</summary>
/// <param name="Tracked">Adopted or found open: to journal as tracked.</param>
/// <param name="Released">Closed here or marked flat: to journal as released.</param>
/// <param name="PriceSources">The price each open position watches, as it answered.</param>
/// <param name="Notes">Things worth a warning that are not alerts (a position that did not answer, a listing that missed one).</param>
/// <param name="Failure">The broker could not be read: nothing else in the result holds.</param>
internal sealed record PassResult(
    int BrokerPositions,
    IReadOnlyList<TrackedPosition> Tracked,
    IReadOnlyList<PositionRelease> Released,
    IReadOnlyList<string> Adopted,
    IReadOnlyList<string> MarkedFlat,
    IReadOnlyList<Finding> Findings,
    IReadOnlySet<string> Unevaluated,
    IReadOnlyDictionary<string, PriceSource> PriceSources,
    IReadOnlyList<string> Notes,
    string? Failure)
{
    /// <summary>How each adopted position was adopted: its rule and underlying, for the log.</summary>
    public IReadOnlyDictionary<string, string> AdoptedWith { get; init; } = new Dictionary<string, string>();

    /// <summary>The contracts read so far that the broker still holds; null when the pass failed and the reconciler keeps what it knew.</summary>
    public IReadOnlyDictionary<string, ContractLookup>? Contracts { get; init; }

    public int ContractLookupFailures { get; init; }

    public static PassResult Failed(string reason) =>
        new(0, [], [], [], [], [], new HashSet<string>(), new Dictionary<string, PriceSource>(), [], reason);
}
