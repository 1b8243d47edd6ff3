namespace PositionManager.Domain.Exits;

/// <summary>At a gain of <see cref="GainPercent"/>, close <see cref="ClosePercentOfOriginal"/> of the original quantity, once.</summary>
public sealed record ScaleOutTarget(decimal GainPercent, decimal ClosePercentOfOriginal);
