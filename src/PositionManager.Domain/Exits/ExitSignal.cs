namespace PositionManager.Domain.Exits;

/// <summary>An exit the policy calls for: why, how many contracts, and which scale-out target if any.</summary>
public sealed record ExitSignal(ExitReason Reason, int Quantity, int? ScaleOutIndex = null);
