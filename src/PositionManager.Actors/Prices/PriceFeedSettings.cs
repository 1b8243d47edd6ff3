namespace PositionManager.Actors.Prices;

/// <param name="PollInterval">How often the latest quotes of every watched symbol are fetched.</param>
/// <param name="MaxQuoteAge">
/// A quote older than this is stale, and a symbol without a usable quote for this long is reported;
/// the same limit as the positions' own (<see cref="Positions.PositionSettings.MaxQuoteAge"/>), so
/// the feed never forwards what a position would refuse.
/// </param>
public sealed record PriceFeedSettings(TimeSpan PollInterval, TimeSpan MaxQuoteAge)
{
    /// <summary>
    /// An unchanged quote is forwarded again after this long. Only changes are sent otherwise, yet
    /// a position whose close was refused waits for a tick after its back-off to try again, and a
    /// market that sits still through a stop must not leave it waiting forever.
    /// </summary>
    public TimeSpan RepeatUnchangedAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A subscribed symbol the quote stream has sent nothing for in this long is polled again until
    /// the stream speaks of it: a quiet contract, a subscription the server dropped silently, or
    /// one just subscribed (the stream sends changes only, never a first quote).
    /// </summary>
    public TimeSpan StreamQuietAfter { get; init; } = TimeSpan.FromSeconds(5);

    public static PriceFeedSettings Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}
