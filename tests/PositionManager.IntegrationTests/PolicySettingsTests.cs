using Microsoft.Extensions.Configuration;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;
using PositionManager.IntegrationTests.Support;
using PositionManager.Node.Configuration;
using PositionManager.Node.Hosting;

namespace PositionManager.IntegrationTests;

/// <summary>
/// Every part of the default exit policy, <c>PositionManager:ExitPolicy</c>, reaches the policy an
/// adopted position gets and the start log; a bad value is one line naming its variable.
/// </summary>
public sealed class PolicySettingsTests
{
    [Fact]
    public void Every_key_reaches_the_default_policy_and_the_start_log()
    {
        var options = Read(new()
        {
            ["ExitPolicy:TrailingGivebackPercent"] = "25",
            ["ExitPolicy:TrailingActivationPercent"] = "10",
            ["ExitPolicy:TrailingActivationPrice"] = "6.5",
            ["ExitPolicy:StopLossPercent"] = "50",
            ["ExitPolicy:TakeProfitPercent"] = "200",
            ["ExitPolicy:PriceSource"] = "mid",
            ["ExitPolicy:RetryLimitOffsetPercent"] = "5",
            ["ExitPolicy:ScaleOuts"] = "50:50,75:25",
            ["ExitPolicy:ExitDaysBeforeExpiry"] = "1",
            ["ExitPolicy:ExitMinutesBeforeCloseOnExpiry"] = "30",
            ["ExitPolicy:ExitMinutesBeforeClose"] = "15",
            ["ExitPolicy:MaxHold"] = "2.00:00:00",
            ["ExitPolicy:MinHold"] = "30m",
        });

        Assert.Equal(
            new ExitPolicy(
                StopLossPercent: 50,
                TakeProfitPercent: 200,
                Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(10).ArmedAtPrice(6.5m),
                ScaleOuts: [new ScaleOutTarget(50, 50), new ScaleOutTarget(75, 25)],
                TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 30, DaysBeforeExpiry: 1, MinutesBeforeClose: 15, MaxHold: TimeSpan.FromDays(2)),
                PriceSource: PriceSource.Mid,
                RetryLimitOffsetPercent: 5,
                MinHold: TimeSpan.FromMinutes(30)),
            options.ExitPolicy.ToPolicy());
        Assert.Equal(options.ExitPolicy.ToPolicy(), options.Policies.Default);
        Assert.Contains(
            "Information: Adopted positions get, unless a rule matches, the default policy: trailing giving back 25% of the best gain (armed at +10% or 6.5), "
            + "stop loss 50%, take profit 200%, scale-outs +50%: 50%, +75%: 25%, close 1 day before expiry, close 30 min before the close on expiry day, "
            + "close 15 min before every session's close, max hold 2d, min hold 30m (stop loss only) on mid",
            StartLog(options));
    }

    [Theory]
    [InlineData("TrailingStopPercent", "15", "trailing 15% (armed at once) on bid")]
    [InlineData("TrailingStopAmount", "0.40", "trailing 0.4 behind the peak (armed at once) on bid")]
    [InlineData("TrailingGivebackPercent", "25", "trailing giving back 25% of the best gain (armed once in profit) on bid")]
    [InlineData("MaxHold", "4h", "max hold 4h on bid")]
    [InlineData("MaxHold", "1d 6h", "max hold 1d 6h on bid")]
    [InlineData("MaxHold", "00:30:00", "max hold 30m on bid")]
    [InlineData("MinHold", "2.00:00:00", "min hold 2d (stop loss only) on bid")]
    [InlineData("ExitDaysBeforeExpiry", "0", "close on expiry day on bid")]
    [InlineData("PriceSource", "LAST", "no exits on last")]
    public void Each_key_alone_is_its_part_of_the_policy(string key, string value, string described)
    {
        var options = Read(new() { [$"ExitPolicy:{key}"] = value });

        Assert.Equal(described, ExitPolicyText.Describe(options.ExitPolicy.ToPolicy()));
    }

    [Fact]
    public void A_default_without_any_exit_is_warned_of_in_the_start_log()
    {
        var log = StartLog(Read([]));

        Assert.Contains("Warning: The default exit policy has no exit: adopted positions no rule matches are watched but never closed", log);
        Assert.Contains("Information: Policy rules: none (PositionManager__Policies__0__Name…); every adopted position gets the default policy", log);
    }

    [Theory]
    [InlineData("TrailingStopPercent", "ten", "PositionManager__ExitPolicy__TrailingStopPercent: 'ten' is not a number")]
    [InlineData("TrailingStopPercent", "100", "PositionManager__ExitPolicy: trailing offset 100 must be positive and below 100%")]
    [InlineData("TrailingStopAmount", "1,5", "PositionManager__ExitPolicy__TrailingStopAmount: '1,5' is not a number")]
    [InlineData("TrailingStopAmount", "-0.5", "PositionManager__ExitPolicy: trailing offset -0.5 must be positive")]
    [InlineData("TrailingGivebackPercent", "most", "PositionManager__ExitPolicy__TrailingGivebackPercent: 'most' is not a number")]
    [InlineData("TrailingGivebackPercent", "120", "PositionManager__ExitPolicy: trailing give-back 120% must be above 0 and at most 100% of the best gain")]
    [InlineData("StopLossPercent", "half", "PositionManager__ExitPolicy__StopLossPercent: 'half' is not a number")]
    [InlineData("StopLossPercent", "100", "PositionManager__ExitPolicy: stop loss 100% must be between 0 and 100 (exclusive)")]
    [InlineData("TakeProfitPercent", "lots", "PositionManager__ExitPolicy__TakeProfitPercent: 'lots' is not a number")]
    [InlineData("TakeProfitPercent", "0", "PositionManager__ExitPolicy: take profit 0% must be positive")]
    [InlineData("PriceSource", "ask", "PositionManager__ExitPolicy__PriceSource: 'ask' is not bid, mid or last")]
    [InlineData("RetryLimitOffsetPercent", "some", "PositionManager__ExitPolicy__RetryLimitOffsetPercent: 'some' is not a number")]
    [InlineData("RetryLimitOffsetPercent", "100", "PositionManager__ExitPolicy: retry limit offset 100% must be 0-100 (exclusive of 100)")]
    [InlineData("ScaleOuts", "50", "PositionManager__ExitPolicy__ScaleOuts: '50' in '50' is not gain:percent (for example 50:50,75:25)")]
    [InlineData("ScaleOuts", "75:25,50:50", "PositionManager__ExitPolicy__ScaleOuts: '50:50' must be at a higher gain than the scale-out before it (+75%): list them from the lowest gain up")]
    [InlineData("ScaleOuts", "50:60,75:60", "PositionManager__ExitPolicy__ScaleOuts: '50:60,75:60' closes 120% of the original quantity in all; at most 100%")]
    [InlineData("ExitDaysBeforeExpiry", "-1", "PositionManager__ExitPolicy__ExitDaysBeforeExpiry: '-1' is not a whole number of days (0-3650)")]
    [InlineData("ExitDaysBeforeExpiry", "1.5", "PositionManager__ExitPolicy__ExitDaysBeforeExpiry: '1.5' is not a whole number of days (0-3650)")]
    [InlineData("ExitMinutesBeforeCloseOnExpiry", "391", "PositionManager__ExitPolicy__ExitMinutesBeforeCloseOnExpiry: '391' is not a whole number of minutes (0-390)")]
    [InlineData("ExitMinutesBeforeCloseOnExpiry", "30m", "PositionManager__ExitPolicy__ExitMinutesBeforeCloseOnExpiry: '30m' is not a whole number of minutes (0-390)")]
    [InlineData("ExitMinutesBeforeClose", "-5", "PositionManager__ExitPolicy__ExitMinutesBeforeClose: '-5' is not a whole number of minutes (0-390)")]
    [InlineData("MaxHold", "30", "PositionManager__ExitPolicy__MaxHold: '30' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)")]
    [InlineData("MaxHold", "-00:30:00", "PositionManager__ExitPolicy: maximum hold -00:30:00 must be positive")]
    [InlineData("MinHold", "a while", "PositionManager__ExitPolicy__MinHold: 'a while' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)")]
    [InlineData("MinHold", "0s", "PositionManager__ExitPolicy: minimum hold 00:00:00 must be positive")]
    [InlineData("TrailingActivationPercent", "10", "PositionManager__ExitPolicy__TrailingActivationPercent: there is no trailing stop to arm")]
    [InlineData("TrailingActivationPrice", "6.50", "PositionManager__ExitPolicy__TrailingActivationPrice: there is no trailing stop to arm")]
    [InlineData("TrailingStopPercents", "10", "PositionManager__ExitPolicy__TrailingStopPercents is not a setting (a typo would leave a default in force)")]
    public void A_bad_policy_value_is_one_line_naming_its_variable(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { [$"ExitPolicy:{key}"] = value }));

        Assert.Equal([problem], refused.Problems);
    }

    [Theory]
    [InlineData("TrailingActivationPercent", "-1", "PositionManager__ExitPolicy: trail activation must be a non-negative gain or a positive price")]
    [InlineData("TrailingActivationPrice", "0", "PositionManager__ExitPolicy: trail activation must be a non-negative gain or a positive price")]
    [InlineData("TrailingActivationPrice", "six", "PositionManager__ExitPolicy__TrailingActivationPrice: 'six' is not a number")]
    public void A_bad_activation_of_a_trail_is_named(string key, string value, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { ["ExitPolicy:TrailingStopPercent"] = "10", [$"ExitPolicy:{key}"] = value }));

        Assert.Equal([problem], refused.Problems);
    }

    [Theory]
    [InlineData("TrailingStopPercent", "TrailingGivebackPercent", "set TrailingStopPercent or TrailingGivebackPercent, not both")]
    [InlineData("TrailingStopAmount", "TrailingGivebackPercent", "set TrailingStopAmount or TrailingGivebackPercent, not both")]
    [InlineData("TrailingStopPercent", "TrailingStopAmount", "set TrailingStopPercent or TrailingStopAmount, not both")]
    public void One_trailing_mode_at_a_time(string one, string other, string problem)
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { [$"ExitPolicy:{one}"] = "10", [$"ExitPolicy:{other}"] = "20" }));

        Assert.Equal([$"PositionManager__ExitPolicy: {problem}: one trailing mode at a time (an empty value unsets the one from appsettings.json)"], refused.Problems);
    }

    [Fact]
    public void A_minimum_hold_as_long_as_the_maximum_is_refused()
    {
        var refused = Assert.Throws<NodeSettingsException>(() => Read(new() { ["ExitPolicy:MaxHold"] = "1h", ["ExitPolicy:MinHold"] = "60m" }));

        Assert.Equal(["PositionManager__ExitPolicy: maximum hold 01:00:00 must be longer than the minimum hold 01:00:00"], refused.Problems);
    }

    [Fact]
    public void An_empty_value_unsets_what_a_lower_layer_set()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create<string, string?>("PositionManager:ExitPolicy:TrailingStopPercent", "20")])
            .AddInMemoryCollection([
                KeyValuePair.Create<string, string?>("PositionManager:ExitPolicy:TrailingStopPercent", ""),
                KeyValuePair.Create<string, string?>("PositionManager:ExitPolicy:TrailingGivebackPercent", "25"),
            ])
            .Build();

        var options = PositionManagerOptions.Read(configuration);

        Assert.Equal(new ExitPolicy(Trailing: TrailingStopRule.Giveback(25)), options.ExitPolicy.ToPolicy());
    }

    internal static PositionManagerOptions Read(Dictionary<string, string?> settings) =>
        PositionManagerOptions.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create($"PositionManager:{s.Key}", s.Value)))
            .Build());

    internal static IReadOnlyList<string> StartLog(PositionManagerOptions options)
    {
        var logger = new RecordingLogger();
        StartupReport.LogPolicies(logger, options);
        return logger.Lines;
    }
}
