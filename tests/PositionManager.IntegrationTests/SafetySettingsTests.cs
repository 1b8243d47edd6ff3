using Microsoft.Extensions.Configuration;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Positions;
using PositionManager.Node.Configuration;

namespace PositionManager.IntegrationTests;

/// <summary>
/// The safety limits that were compiled in: the quote age that counts as stale, a position's
/// re-send intervals, the gateway's attempts before it refuses a queued close, the done intents
/// it remembers and how old its shared position read may be. Unset they are the actors' defaults; set, they reach the actors' settings; a bad
/// value is one line naming the variable.
/// </summary>
public sealed class SafetySettingsTests
{
    [Fact]
    public void Without_settings_the_positions_and_the_feed_keep_the_actors_defaults()
    {
        var options = Read([]);

        Assert.Equal(PositionSettings.Default, options.Positions.ToSettings());
        Assert.Equal(PositionSettings.Default.MaxQuoteAge, options.PriceFeedSettings().MaxQuoteAge);
        Assert.Equal(GatewaySettings.Default, options.Gateway.ToSettings());
    }

    [Fact]
    public void The_positions_settings_reach_the_positions_and_the_quote_age_the_feed_too()
    {
        var options = Read(new()
        {
            ["Positions:MaxQuoteAge"] = "10s",
            ["Positions:GatewayAckTimeout"] = "00:00:02",
            ["Positions:PendingExitResendInterval"] = "1m",
            ["MarketData:PollInterval"] = "500ms",
        });

        // Everything else a position is given stays the default.
        Assert.Equal(
            PositionSettings.Default with { MaxQuoteAge = TimeSpan.FromSeconds(10), GatewayAckTimeout = TimeSpan.FromSeconds(2), PendingExitResendInterval = TimeSpan.FromMinutes(1) },
            options.Positions.ToSettings());
        Assert.Equal(new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(10)), options.PriceFeedSettings());
    }

    [Theory]
    [InlineData("Positions:MaxQuoteAge", "fresh", "PositionManager__Positions__MaxQuoteAge: 'fresh' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)")]
    [InlineData("Positions:MaxQuoteAge", "500ms", "PositionManager__Positions__MaxQuoteAge: 500ms is shorter than the minimum of 1s")]
    [InlineData("Positions:MaxQuoteAge", "6m", "PositionManager__Positions__MaxQuoteAge: 6m is longer than the maximum of 300s")]
    [InlineData("Positions:MaxQuoteAge", "-30s", "PositionManager__Positions__MaxQuoteAge: -30s is shorter than the minimum of 1s")]
    [InlineData("Positions:GatewayAckTimeout", "soon", "PositionManager__Positions__GatewayAckTimeout: 'soon' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)")]
    [InlineData("Positions:GatewayAckTimeout", "200ms", "PositionManager__Positions__GatewayAckTimeout: 200ms is shorter than the minimum of 1s")]
    [InlineData("Positions:GatewayAckTimeout", "00:02:00", "PositionManager__Positions__GatewayAckTimeout: 00:02:00 is longer than the maximum of 60s")]
    [InlineData("Positions:PendingExitResendInterval", "30", "PositionManager__Positions__PendingExitResendInterval: 30 is longer than the maximum of 300s")]
    [InlineData("Positions:PendingExitResendInterval", "0s", "PositionManager__Positions__PendingExitResendInterval: 0s is shorter than the minimum of 1s")]
    [InlineData("Positions:PendingExitResendInterval", "10m", "PositionManager__Positions__PendingExitResendInterval: 10m is longer than the maximum of 300s")]
    [InlineData("Positions:PendingExitResendInterval", "often", "PositionManager__Positions__PendingExitResendInterval: 'often' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)")]
    [InlineData("Positions:MaxQuoteAges", "30s", "PositionManager__Positions__MaxQuoteAges is not a setting (a typo would leave a default in force)")]
    public void A_bad_positions_setting_is_named(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { [key] = value }));

        Assert.Equal([problem], refused.Problems);
    }

    [Theory]
    [InlineData("1s", "00:00:01", "PositionManager__Positions__MaxQuoteAge: 1s is not longer than PositionManager__MarketData__PollInterval (1s): every quote would be stale before the next poll")]
    [InlineData(null, "1m", "PositionManager__Positions__MaxQuoteAge: 30s is not longer than PositionManager__MarketData__PollInterval (60s): every quote would be stale before the next poll")]
    public void A_quote_age_no_longer_than_the_poll_interval_is_refused(string? maxQuoteAge, string pollInterval, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { ["Positions:MaxQuoteAge"] = maxQuoteAge, ["MarketData:PollInterval"] = pollInterval }));

        Assert.Equal([problem], refused.Problems);
    }

    [Fact]
    public void The_gateway_settings_reach_the_gateway()
    {
        var options = Read(new() { ["Gateway:MaxAttempts"] = "3", ["Gateway:RetainCompleted"] = "50000", ["Gateway:MaxBatchReadAge"] = "500ms" });

        Assert.Equal(
            GatewaySettings.Default with { MaxAttempts = 3, RetainCompleted = 50_000, MaxBatchReadAge = TimeSpan.FromMilliseconds(500) },
            options.Gateway.ToSettings());
    }

    [Theory]
    [InlineData("Gateway:MaxAttempts", "0", "PositionManager__Gateway__MaxAttempts: '0' is not a number of attempts (1-100)")]
    [InlineData("Gateway:MaxAttempts", "-1", "PositionManager__Gateway__MaxAttempts: '-1' is not a number of attempts (1-100)")]
    [InlineData("Gateway:MaxAttempts", "101", "PositionManager__Gateway__MaxAttempts: '101' is not a number of attempts (1-100)")]
    [InlineData("Gateway:MaxAttempts", "2.5", "PositionManager__Gateway__MaxAttempts: '2.5' is not a number of attempts (1-100)")]
    [InlineData("Gateway:MaxAttempts", "many", "PositionManager__Gateway__MaxAttempts: 'many' is not a number of attempts (1-100)")]
    [InlineData("Gateway:RetainCompleted", "0", "PositionManager__Gateway__RetainCompleted: '0' is not a number of done intents (1-100000)")]
    [InlineData("Gateway:RetainCompleted", "100001", "PositionManager__Gateway__RetainCompleted: '100001' is not a number of done intents (1-100000)")]
    [InlineData("Gateway:RetainCompleted", "10,000", "PositionManager__Gateway__RetainCompleted: '10,000' is not a number of done intents (1-100000)")]
    [InlineData("Gateway:RetainCompleted", "99999999999", "PositionManager__Gateway__RetainCompleted: '99999999999' is not a number of done intents (1-100000)")]
    [InlineData("Gateway:MaxBatchReadAge", "fresh", "PositionManager__Gateway__MaxBatchReadAge: 'fresh' is not a duration (e.g. 00:00:01, 500ms, 2s, 1m)")]
    [InlineData("Gateway:MaxBatchReadAge", "50ms", "PositionManager__Gateway__MaxBatchReadAge: 50ms is shorter than the minimum of 0.1s")]
    [InlineData("Gateway:MaxBatchReadAge", "00:00:11", "PositionManager__Gateway__MaxBatchReadAge: 00:00:11 is longer than the maximum of 10s")]
    [InlineData("Gateway:Retries", "3", "PositionManager__Gateway__Retries is not a setting (a typo would leave a default in force)")]
    public void A_bad_gateway_setting_is_named(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { [key] = value }));

        Assert.Equal([problem], refused.Problems);
    }

    private static PositionManagerOptions Read(Dictionary<string, string?> settings) =>
        PositionManagerOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"PositionManager:{s.Key}", s.Value)))
            .Build());
}
