namespace PositionManager.Alpaca.Wire;

/// <summary>
/// The fields of Alpaca's order object that we read. Everything is nullable so that a missing field
/// is seen by <see cref="WireMapping"/> and named in a Malformed failure, never defaulted.
/// Decimals arrive as strings ("10", "5.00") and are read with the invariant culture.
/// </summary>
internal sealed record OrderJson
{
    public string? Id { get; init; }

    public string? ClientOrderId { get; init; }

    public string? Symbol { get; init; }

    public string? OrderClass { get; init; }

    public string? Side { get; init; }

    public string? PositionIntent { get; init; }

    public decimal? Qty { get; init; }

    public decimal? FilledQty { get; init; }

    public decimal? FilledAvgPrice { get; init; }

    public string? Status { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
