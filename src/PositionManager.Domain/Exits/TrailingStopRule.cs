namespace PositionManager.Domain.Exits;

/// <summary>
/// A trailing stop: <see cref="Offset"/> percent or price behind the best price seen, or (as a
/// give-back) the percent of the best gain over entry it may give back. With an activation
/// threshold the trail arms only once the gain reaches <see cref="ActivationGainPercent"/> or the
/// price reaches <see cref="ActivationPrice"/> (whichever comes first); without one it is armed
/// from the start, a give-back from the first price better than entry.
/// </summary>
public sealed record TrailingStopRule(TrailMode Mode, decimal Offset, decimal? ActivationGainPercent = null, decimal? ActivationPrice = null)
{
    public static TrailingStopRule Percent(decimal percent) => new(TrailMode.Percent, percent);

    public static TrailingStopRule Amount(decimal amount) => new(TrailMode.Amount, amount);

    /// <summary>Give back at most <paramref name="percent"/> of the best gain: 25 keeps 75% of it.</summary>
    public static TrailingStopRule Giveback(decimal percent) => new(TrailMode.Giveback, percent);

    public TrailingStopRule ArmedAtGain(decimal percent) => this with { ActivationGainPercent = percent };

    public TrailingStopRule ArmedAtPrice(decimal price) => this with { ActivationPrice = price };
}
