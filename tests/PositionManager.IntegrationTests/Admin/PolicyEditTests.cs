using System.Net;
using PositionManager.Admin;
using PositionManager.Domain.Exits;
using PositionManager.Domain.Quotes;
using PositionManager.Node.Admin;

namespace PositionManager.IntegrationTests.Admin;

/// <summary>
/// What <c>pmctl position policy</c> asks of a position's policy: every part set by its setting's
/// name and cleared by its part's, text read as the settings read it, and a bad value refused with
/// the reason.
/// </summary>
public sealed class PolicyEditTests
{
    private static readonly ExitPolicy Trailing20 = new(Trailing: TrailingStopRule.Percent(20).ArmedAtGain(10), StopLossPercent: 50);

    [Fact]
    public void Every_part_is_set_by_its_name()
    {
        var edited = PolicyEdit.Apply(Trailing20, new PolicyChangeRequest(
            PolicyView.Nothing with
            {
                TrailingGivebackPercent = 25,
                TrailingActivationPrice = 6.5m,
                TakeProfitPercent = 200,
                PriceSource = "mid",
                RetryLimitOffsetPercent = 5,
                ScaleOuts = "50:50,75:25",
                ExitDaysBeforeExpiry = 1,
                ExitMinutesBeforeCloseOnExpiry = 30,
                ExitMinutesBeforeClose = 15,
                MaxHold = "2.00:00:00",
                MinHold = "30m",
            },
            []));

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
            edited);
    }

    [Fact]
    public void Every_part_is_cleared_by_its_name_and_what_is_not_named_stays()
    {
        var full = new ExitPolicy(
            StopLossPercent: 50,
            TakeProfitPercent: 200,
            Trailing: TrailingStopRule.Giveback(25).ArmedAtGain(10).ArmedAtPrice(6.5m),
            ScaleOuts: [new ScaleOutTarget(50, 50)],
            TimeExit: new TimeExitRule(MinutesBeforeCloseOnExpiry: 30, DaysBeforeExpiry: 1, MinutesBeforeClose: 15, MaxHold: TimeSpan.FromDays(2)),
            PriceSource: PriceSource.Mid,
            RetryLimitOffsetPercent: 5,
            MinHold: TimeSpan.FromMinutes(30));

        var cleared = PolicyEdit.Apply(full, new PolicyChangeRequest(PolicyView.Nothing, PolicyParts.All.Where(p => p != PolicyParts.Trailing).ToList()));

        Assert.Equal(new ExitPolicy(Trailing: TrailingStopRule.Giveback(25), PriceSource: PriceSource.Mid), cleared);
        Assert.Equal(new ExitPolicy(PriceSource: PriceSource.Mid), PolicyEdit.Apply(cleared, new PolicyChangeRequest(PolicyView.Nothing, [PolicyParts.Trailing])));
    }

    [Fact]
    public void A_new_trailing_mode_keeps_the_activation_of_the_trail_it_replaces()
    {
        var edited = PolicyEdit.Apply(Trailing20, new PolicyChangeRequest(PolicyView.Nothing with { TrailingStopAmount = 0.5m }, []));

        Assert.Equal(TrailingStopRule.Amount(0.5m).ArmedAtGain(10), edited.Trailing);
    }

    [Fact]
    public void Clearing_one_time_exit_keeps_the_others()
    {
        var timed = new ExitPolicy(TimeExit: new TimeExitRule(DaysBeforeExpiry: 1, MaxHold: TimeSpan.FromHours(4)));

        var edited = PolicyEdit.Apply(timed, new PolicyChangeRequest(PolicyView.Nothing, [PolicyParts.MaxHold]));

        Assert.Equal(new TimeExitRule(DaysBeforeExpiry: 1), edited.TimeExit);
    }

    [Theory]
    [InlineData("TrailingStopPercent", "a trailing stop is a percent, an amount or a give-back, one at a time")]
    [InlineData("ScaleOuts", "scale-outs: '50' in '50' is not gain:percent (for example 50:50,75:25)")]
    [InlineData("MaxHold", "hold '30' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)")]
    [InlineData("MinHold", "hold 'a while' is not a duration (e.g. 30m, 4h, 2d or 00:30:00)")]
    [InlineData("PriceSource", "price source 'ask' is not bid, mid or last")]
    [InlineData("ExitMinutesBeforeClose", "time exit 391 minutes before each session's close must be 0-390")]
    [InlineData("ExitDaysBeforeExpiry", "time exit -1 days before expiry must not be negative")]
    [InlineData("RetryLimitOffsetPercent", "retry limit offset 100% must be 0-100 (exclusive of 100)")]
    public void A_bad_value_is_refused_with_the_reason(string part, string problem)
    {
        var set = part switch
        {
            "TrailingStopPercent" => PolicyView.Nothing with { TrailingStopPercent = 10, TrailingGivebackPercent = 25 },
            "ScaleOuts" => PolicyView.Nothing with { ScaleOuts = "50" },
            "MaxHold" => PolicyView.Nothing with { MaxHold = "30" },
            "MinHold" => PolicyView.Nothing with { MinHold = "a while" },
            "PriceSource" => PolicyView.Nothing with { PriceSource = "ask" },
            "ExitMinutesBeforeClose" => PolicyView.Nothing with { ExitMinutesBeforeClose = 391 },
            "ExitDaysBeforeExpiry" => PolicyView.Nothing with { ExitDaysBeforeExpiry = -1 },
            _ => PolicyView.Nothing with { RetryLimitOffsetPercent = 100 },
        };

        var refused = Assert.Throws<AdminProblem>(() => PolicyEdit.Apply(Trailing20, new PolicyChangeRequest(set, [])));

        Assert.Equal((HttpStatusCode.BadRequest, problem), (refused.Status, refused.Message));
    }

    [Fact]
    public void An_activation_price_without_a_trail_is_refused()
    {
        var refused = Assert.Throws<AdminProblem>(() => PolicyEdit.Apply(ExitPolicy.None, new PolicyChangeRequest(PolicyView.Nothing with { TrailingActivationPrice = 7 }, [])));

        Assert.Equal("there is no trailing stop to arm; set one as well", refused.Message);
    }

    [Fact]
    public void A_request_written_before_the_new_parts_still_reads()
    {
        const string old = """{"set":{"trailingStopPercent":40,"trailingStopAmount":null,"trailingActivationPercent":null,"stopLossPercent":60,"takeProfitPercent":null,"priceSource":null},"clear":["take-profit"]}""";

        var request = System.Text.Json.JsonSerializer.Deserialize(old, AdminJsonContext.Default.PolicyChangeRequest)!;

        Assert.Equal(PolicyView.Nothing with { TrailingStopPercent = 40, StopLossPercent = 60 }, request.Set);
        Assert.Equal(new ExitPolicy(Trailing: TrailingStopRule.Percent(40).ArmedAtGain(10), StopLossPercent: 60), PolicyEdit.Apply(Trailing20, request));
    }
}
