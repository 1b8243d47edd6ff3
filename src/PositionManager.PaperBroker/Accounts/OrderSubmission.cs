namespace PositionManager.PaperBroker.Accounts;

/// <summary>
/// A <c>POST /v2/orders</c> body as received, before any rule is applied. <see cref="PositionIntent"/>
/// keeps the difference between absent (null) and <c>""</c> because Alpaca treats them differently.
/// </summary>
public sealed record OrderSubmission
{
    public string? Symbol { get; init; }

    public decimal? Qty { get; init; }

    public decimal? Notional { get; init; }

    public string? Side { get; init; }

    public string? Type { get; init; }

    public string? TimeInForce { get; init; }

    public decimal? LimitPrice { get; init; }

    public decimal? StopPrice { get; init; }

    public bool HasTrail { get; init; }

    public bool ExtendedHours { get; init; }

    public string? ClientOrderId { get; init; }

    public string? OrderClass { get; init; }

    public bool HasLegs { get; init; }

    public string? PositionIntent { get; init; }
}
