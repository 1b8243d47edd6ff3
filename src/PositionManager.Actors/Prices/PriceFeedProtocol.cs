namespace PositionManager.Actors.Prices;

public static class PriceFeedProtocol
{
    /// <summary>
    /// Every open position to price, replacing the feed's previous set. The reconciler sends it
    /// after each pass and whenever the feed asks (a restarted or failed-over feed starts empty).
    /// </summary>
    public sealed record Watch(IReadOnlyList<WatchedPosition> Positions) : IPositionManagerMessage;

    public sealed record GetFeedStatus : IPositionManagerMessage
    {
        public static readonly GetFeedStatus Instance = new();
    }

    /// <summary>What the feed watches and how its polls went, for operators and tests.</summary>
    /// <param name="PollsCompleted">Polls answered (or failed) since the feed started; polls never overlap, so two more than now means one asked after now.</param>
    public sealed record PriceFeedStatus(
        int Positions,
        IReadOnlyList<string> Symbols,
        IReadOnlyList<string> StaleSymbols,
        long PollsCompleted,
        DateTimeOffset? LastPollAt,
        string? LastFailure) : IPositionManagerMessage;
}
