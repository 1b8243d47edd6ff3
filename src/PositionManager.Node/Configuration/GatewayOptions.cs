using PositionManager.Actors.Gateway;

namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Gateway</c>: how many broker failures in a row a queued close waits through
/// before it is refused, how many done intents the gateway remembers, and how old the shared read
/// of every position may be when a crowd of exits is checked on it. Unset, each is
/// <see cref="GatewaySettings.Default"/>'s.
/// </summary>
public sealed record GatewayOptions(int MaxAttempts, int RetainCompleted, TimeSpan MaxBatchReadAge)
{
    public const string Section = "PositionManager:Gateway";

    public static readonly string[] Keys = ["MaxAttempts", "RetainCompleted", "MaxBatchReadAge"];

    /// <summary>
    /// Each remembered intent is in every snapshot of the gateway and in its recovery: ten times the
    /// default keeps both bounded. Fewer is safe, down to one (GatewayState.Completed says why); it
    /// only makes a late re-send cost the gateway broker reads instead of an answer from memory.
    /// </summary>
    public const int MostRetainedCompleted = 10 * GatewaySettings.DefaultRetainCompleted;

    /// <summary>
    /// Shorter than an HTTP round trip, the shared read would be old before any submit it serves
    /// left; longer than 10 s, a position sold by hand after the read becomes a likely sight, and
    /// the rules would run on what the broker no longer holds (invariant 4).
    /// </summary>
    private static readonly TimeSpan ShortestBatchReadAge = TimeSpan.FromMilliseconds(100);

    private static readonly TimeSpan LongestBatchReadAge = TimeSpan.FromSeconds(10);

    internal static GatewayOptions Read(SettingsReader reader)
    {
        var defaults = GatewaySettings.Default;

        // A refused close is tried again by its position; an intent that may have reached the broker
        // is never refused, whatever this says (IntentSequencing.RetryLater).
        var attempts = reader.Number($"{Section}:MaxAttempts", defaults.MaxAttempts, 1, 100, "a number of attempts (1-100)");
        var retain = reader.Number(
            $"{Section}:RetainCompleted",
            defaults.RetainCompleted,
            1,
            MostRetainedCompleted,
            $"a number of done intents (1-{MostRetainedCompleted})");
        var batchReadAge = reader.Duration($"{Section}:MaxBatchReadAge", defaults.MaxBatchReadAge, ShortestBatchReadAge, LongestBatchReadAge);
        return new GatewayOptions(attempts, retain, batchReadAge);
    }

    public GatewaySettings ToSettings() => GatewaySettings.Default with
    {
        MaxAttempts = MaxAttempts,
        RetainCompleted = RetainCompleted,
        MaxBatchReadAge = MaxBatchReadAge,
    };
}
