namespace PositionManager.Domain.Orders;

public sealed record RuleViolation(RuleCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
