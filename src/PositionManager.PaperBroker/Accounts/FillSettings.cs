namespace PositionManager.PaperBroker.Accounts;

/// <summary>How the simulator fills marketable orders.</summary>
public sealed class FillSettings
{
    /// <summary>Time from submission (and between partial fills) to the next fill. Zero fills a
    /// marketable order during its own submission.</summary>
    public TimeSpan FillDelay { get; set; } = TimeSpan.Zero;

    /// <summary>At most this many shares/contracts per fill; null fills the whole remainder at once.</summary>
    public int? PartialFillQty { get; set; }
}
