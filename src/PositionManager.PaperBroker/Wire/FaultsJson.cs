namespace PositionManager.PaperBroker.Wire;

/// <summary>
/// Body of <c>POST /_paper/faults</c> and answer of <c>GET /_paper/faults</c>. In a request,
/// omitted fields leave that fault as it is.
/// </summary>
public sealed record FaultsJson
{
    public int? LatencyMs { get; init; }

    public int? RateLimitNext { get; init; }

    public int? ServerErrorNext { get; init; }

    public int? ServerErrorStatus { get; init; }

    public int? AmbiguousNext { get; init; }

    /// <summary><c>error</c> (HTTP 500) or <c>abort</c> (connection dropped).</summary>
    public string? AmbiguousMode { get; init; }

    public int? RejectNext { get; init; }

    /// <summary><c>http</c> (403, no order) or <c>order</c> (status rejected).</summary>
    public string? RejectKind { get; init; }

    public string? RejectMessage { get; init; }

    public int? DropStreamAfterUpdates { get; init; }
}
