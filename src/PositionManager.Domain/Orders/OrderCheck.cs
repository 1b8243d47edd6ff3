namespace PositionManager.Domain.Orders;

/// <summary>The verdict of <see cref="OrderRules.Check"/>: an order fit to send, or every reason it is not.</summary>
public sealed record OrderCheck(OrderRequest? Request, IReadOnlyList<RuleViolation> Violations)
{
    public bool IsAccepted => Request is not null;

    public bool Violates(RuleCode code) => Violations.Any(v => v.Code == code);
}
