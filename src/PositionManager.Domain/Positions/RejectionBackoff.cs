namespace PositionManager.Domain.Positions;

/// <summary>
/// How long a position waits after a refused close before its exit may fire again: a halted
/// gateway or a broker that keeps refusing must not turn every tick into a journaled exit.
/// </summary>
public static class RejectionBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    public static TimeSpan After(int consecutiveRejections)
    {
        var doublings = Math.Clamp(consecutiveRejections - 1, 0, 6);
        var delay = First * Math.Pow(2, doublings);
        return delay < Longest ? delay : Longest;
    }
}
