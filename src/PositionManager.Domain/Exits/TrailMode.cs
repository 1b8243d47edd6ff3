namespace PositionManager.Domain.Exits;

public enum TrailMode
{
    /// <summary>The stop sits a percentage behind the peak.</summary>
    Percent,

    /// <summary>The stop sits a fixed price amount behind the peak.</summary>
    Amount,
}
