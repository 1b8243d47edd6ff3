using PositionManager.Actors.Positions;

namespace PositionManager.Node.Configuration;

/// <summary>
/// <c>PositionManager:Positions</c>: the quote age past which a quote moves nothing (invariant 8),
/// in the positions and the price feed alike, and how often a position sends its close again.
/// Unset, each is <see cref="PositionSettings.Default"/>'s.
/// </summary>
public sealed record PositionsOptions(TimeSpan MaxQuoteAge, TimeSpan GatewayAckTimeout, TimeSpan PendingExitResendInterval)
{
    public const string Section = "PositionManager:Positions";

    public static readonly string[] Keys = ["MaxQuoteAge", "GatewayAckTimeout", "PendingExitResendInterval"];

    /// <summary>A longer limit would let a stop fire on a price the market may have left minutes ago.</summary>
    private static readonly TimeSpan LongestQuoteAge = TimeSpan.FromMinutes(5);

    internal static PositionsOptions Read(SettingsReader reader, MarketDataOptions marketData)
    {
        var defaults = PositionSettings.Default;
        var ageKey = $"{Section}:MaxQuoteAge";
        var maxQuoteAge = reader.Duration(ageKey, defaults.MaxQuoteAge, TimeSpan.FromSeconds(1), LongestQuoteAge);

        // Polled, a symbol's latest quote is a poll interval older by the time the next one comes:
        // a limit no longer than that would refuse quotes for being one poll old, and the feed would
        // report a symbol stale at its first missed quote.
        if (maxQuoteAge <= marketData.PollInterval)
        {
            reader.Problem(ageKey, $"{SettingsReader.Seconds(maxQuoteAge)} is not longer than {SettingsReader.VariableName($"{MarketDataOptions.Section}:PollInterval")} ({SettingsReader.Seconds(marketData.PollInterval)}): every quote would be stale before the next poll");
        }

        // Re-sends are idempotent at the gateway (one intent id, one order), so shorter only costs
        // messages; longer leaves a lost close, or a lost outcome, unrepeated for that long.
        var ackTimeout = reader.Duration($"{Section}:GatewayAckTimeout", defaults.GatewayAckTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var pendingResend = reader.Duration($"{Section}:PendingExitResendInterval", defaults.PendingExitResendInterval, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        return new PositionsOptions(maxQuoteAge, ackTimeout, pendingResend);
    }

    public PositionSettings ToSettings() => PositionSettings.Default with
    {
        MaxQuoteAge = MaxQuoteAge,
        GatewayAckTimeout = GatewayAckTimeout,
        PendingExitResendInterval = PendingExitResendInterval,
    };
}
