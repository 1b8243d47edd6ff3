namespace PositionManager.Domain.Exits;

/// <summary>
/// At a gain of <see cref="GainPercent"/> over entry, close <see cref="ClosePercentOfOriginal"/>
/// of the ORIGINAL quantity, once. The share rounds down to whole contracts; a target whose share
/// rounds to none (25% of 3 contracts) is skipped, never rounded up.
/// </summary>
public sealed record ScaleOutTarget(decimal GainPercent, decimal ClosePercentOfOriginal)
{
    /// <summary>The whole contracts this target closes of <paramref name="originalQuantity"/>: 0 when it is skipped.</summary>
    public int ContractsOf(int originalQuantity) =>
        originalQuantity <= 0 ? 0 : (int)decimal.Floor(originalQuantity * ClosePercentOfOriginal / 100m);
}
