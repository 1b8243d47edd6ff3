namespace PositionManager.Domain.Positions;

public enum PositionStatus
{
    /// <summary>No open or adopt has been journaled yet.</summary>
    New,
    Open,
    Closed,
}
