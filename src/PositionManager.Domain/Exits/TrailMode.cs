namespace PositionManager.Domain.Exits;

public enum TrailMode
{
    /// <summary>The stop sits a percentage behind the peak.</summary>
    Percent,

    /// <summary>The stop sits a fixed price amount behind the peak.</summary>
    Amount,

    /// <summary>
    /// The stop keeps (100 − offset)% of the best gain over entry: for a long
    /// entry + (peak − entry) × (1 − offset/100), for a short entry − (entry − trough) × (1 − offset/100).
    /// It exists only once the price has been better than entry; until then nothing trails.
    /// </summary>
    Giveback,
}
