using PositionManager.Domain.Exits;
using PositionManager.Domain.Positions;
using PositionManager.Domain.Positions.Events;
using PositionManager.Domain.Tests.Builders;

namespace PositionManager.Domain.Tests;

/// <summary><c>50:50,75:25</c>: at +50% close half the ORIGINAL quantity, at +75% another quarter, each once, rounded down.</summary>
public class ScaleOutTests
{
    private static readonly ExitPolicy HalfThenAQuarter = new(ScaleOuts: ScaleOutText.Parse("50:50,75:25"));

    /// <summary>Ticks one price after another; every exit that fires fills in full before the next price.</summary>
    private static (PositionState State, List<ExitTriggered> Exits) Run(PositionState state, params decimal[] bids)
    {
        var exits = new List<ExitTriggered>();
        foreach (var bid in bids)
        {
            var (next, decision) = state.Tick(bid);
            state = next;
            if (decision.Events.OfType<ExitTriggered>().SingleOrDefault() is { } exit)
            {
                exits.Add(exit);
                state = state.Fold(PositionDecisions.OnOrderOutcome(state, new OrderOutcome.Fill(exit.ExitSequence, exit.Quantity, bid, true), APosition.OpenedAt.AddMinutes(1)));
            }
        }

        return (state, exits);
    }

    [Fact]
    public void Ten_contracts_at_plus_52_percent_with_50_50_close_5_once_and_keep_5()
    {
        var state = APosition.Long(10).At(5.00m).With(new ExitPolicy(ScaleOuts: ScaleOutText.Parse("50:50"))).Build();

        var (after, exits) = Run(state, 7.60m, 7.70m, 9.00m);

        var exit = Assert.Single(exits);
        Assert.Equal((ExitReason.ScaleOut, 5, 0), (exit.Reason, exit.Quantity, exit.ScaleOutIndex));
        Assert.Equal((PositionStatus.Open, 5, 10), (after.Status, after.Quantity, after.OriginalQuantity));
    }

    [Theory]
    [InlineData(7.49, false)]
    [InlineData(7.50, true)]
    [InlineData(7.51, true)]
    public void A_target_fires_at_and_above_its_gain(double bid, bool fires)
    {
        var state = APosition.Long(10).At(5.00m).With(HalfThenAQuarter).Build();

        var exit = state.Tick((decimal)bid).Decision.Events.OfType<ExitTriggered>().SingleOrDefault();

        Assert.Equal(fires, exit is { Reason: ExitReason.ScaleOut, Quantity: 5, ScaleOutIndex: 0 });
    }

    [Fact]
    public void Seven_contracts_close_3_then_1_and_the_other_3_stay()
    {
        var state = APosition.Long(7).At(5.00m).With(HalfThenAQuarter).Build();

        var (after, exits) = Run(state, 7.50m, 8.00m, 8.75m, 9.50m);

        Assert.Equal([(3, 0), (1, 1)], exits.Select(e => (e.Quantity, e.ScaleOutIndex ?? -1)));
        Assert.Equal(3, after.Quantity);
    }

    [Fact]
    public void Three_contracts_close_1_and_skip_the_quarter_that_rounds_to_none()
    {
        var state = APosition.Long(3).At(5.00m).With(HalfThenAQuarter).Build();

        var (after, exits) = Run(state, 7.50m, 8.75m, 9.50m);

        Assert.Equal([(1, 0)], exits.Select(e => (e.Quantity, e.ScaleOutIndex ?? -1)));
        Assert.Equal(2, after.Quantity);
    }

    [Fact]
    public void One_contract_skips_both_targets()
    {
        var state = APosition.Long(1).At(5.00m).With(HalfThenAQuarter).Build();

        var (after, exits) = Run(state, 7.50m, 8.75m, 20.00m);

        Assert.Empty(exits);
        Assert.Equal(1, after.Quantity);
    }

    [Fact]
    public void A_gap_through_both_targets_fires_them_one_after_the_other()
    {
        var state = APosition.Long(10).At(5.00m).With(HalfThenAQuarter).Build();

        var (_, exits) = Run(state, 9.00m, 9.00m, 9.00m);

        Assert.Equal([(5, 0), (2, 1)], exits.Select(e => (e.Quantity, e.ScaleOutIndex ?? -1)));
    }

    [Fact]
    public void The_rest_keeps_trailing_after_a_scale_out()
    {
        var policy = HalfThenAQuarter with { Trailing = TrailingStopRule.Percent(10) };
        var state = APosition.Long(10).At(5.00m).With(policy).Build();

        var (after, exits) = Run(state, 7.60m, 6.84m);

        Assert.Equal([(ExitReason.ScaleOut, 5), (ExitReason.TrailingStop, 5)], exits.Select(e => (e.Reason, e.Quantity)));
        Assert.Equal(PositionStatus.Closed, after.Status);
    }

    [Fact]
    public void A_short_scales_out_as_the_price_falls()
    {
        var state = APosition.Short(10).At(5.00m).With(HalfThenAQuarter).Build();

        var (_, exits) = Run(state, 2.51m, 2.50m);

        Assert.Equal([(5, 0)], exits.Select(e => (e.Quantity, e.ScaleOutIndex ?? -1)));
    }

    [Theory]
    [InlineData(1, "+50%: 50% skipped (rounds down to 0 of 1 contract), +75%: 25% skipped (rounds down to 0 of 1 contract)")]
    [InlineData(3, "+50%: 50% (1 of 3 contracts), +75%: 25% skipped (rounds down to 0 of 3 contracts)")]
    [InlineData(7, "+50%: 50% (3 of 7 contracts), +75%: 25% (1 of 7 contracts)")]
    public void The_policy_text_of_a_position_says_which_targets_are_skipped(int quantity, string expected)
    {
        Assert.Equal($"scale-outs {expected} on bid", ExitPolicyText.Describe(HalfThenAQuarter, quantity));
    }

    [Fact]
    public void The_policy_text_without_a_quantity_lists_the_targets()
    {
        Assert.Equal("scale-outs +50%: 50%, +75%: 25% on bid", ExitPolicyText.Describe(HalfThenAQuarter));
    }

    [Theory]
    [InlineData("50:50", new[] { 50.0, 50.0 })]
    [InlineData("50:50,75:25", new[] { 50.0, 50.0, 75.0, 25.0 })]
    [InlineData(" 50 : 50 , 75:25 ", new[] { 50.0, 50.0, 75.0, 25.0 })]
    [InlineData("12.5:33.3,100:66.7", new[] { 12.5, 33.3, 100.0, 66.7 })]
    [InlineData("", new double[0])]
    [InlineData("   ", new double[0])]
    [InlineData(null, new double[0])]
    public void The_text_form_parses_to_gain_and_share_pairs(string? text, double[] expected)
    {
        var targets = ScaleOutText.Parse(text);

        Assert.Equal(expected.Select(v => (decimal)v), targets.SelectMany(t => new[] { t.GainPercent, t.ClosePercentOfOriginal }));
        Assert.Empty(new ExitPolicy(ScaleOuts: targets).Problems());
    }

    [Theory]
    [InlineData("50", "'50' in '50' is not gain:percent")]
    [InlineData("50:50:50", "is not gain:percent")]
    [InlineData("50:50,", "'' in '50:50,' is not gain:percent")]
    [InlineData("50;50", "is not gain:percent")]
    [InlineData("abc:50", "gain 'abc' in 'abc:50' must be a positive number")]
    [InlineData("0:50", "gain '0' in '0:50' must be a positive number")]
    [InlineData("-10:50", "gain '-10'")]
    [InlineData("1e2:50", "gain '1e2'")]
    [InlineData("50%:50", "gain '50%'")]
    [InlineData("50:", "'' in '50:' must be a percent of the original quantity")]
    [InlineData("50:0", "'0' in '50:0' must be a percent of the original quantity above 0 and at most 100")]
    [InlineData("50:101", "'101' in '50:101'")]
    [InlineData("75:25,50:50", "'50:50' must be at a higher gain than the scale-out before it (+75%)")]
    [InlineData("50:25,50:25", "higher gain")]
    [InlineData("50:60,75:50", "closes 110% of the original quantity in all; at most 100%")]
    public void Bad_text_says_what_is_wrong(string text, string fragment)
    {
        Assert.False(ScaleOutText.TryParse(text, out var targets, out var problem));
        Assert.Null(targets);
        Assert.Contains(fragment, problem);
        Assert.Contains(fragment, Assert.Throws<FormatException>(() => ScaleOutText.Parse(text)).Message);
    }

    [Fact]
    public void More_targets_than_a_policy_holds_are_refused()
    {
        var text = string.Join(",", Enumerable.Range(1, ExitPolicy.MaxScaleOuts + 1).Select(i => $"{i}:1"));

        Assert.False(ScaleOutText.TryParse(text, out _, out var problem));
        Assert.Contains($"at most {ExitPolicy.MaxScaleOuts}", problem);
    }

    [Theory]
    [InlineData("50:50,75:25")]
    [InlineData("12.5:33.33333,100:1")]
    public void The_text_form_formats_back_to_itself(string text)
    {
        Assert.Equal(text, ScaleOutText.Format(ScaleOutText.Parse(text)));
    }

    [Fact]
    public void A_policy_refuses_targets_out_of_order_or_closing_more_than_everything()
    {
        var unordered = new ExitPolicy(ScaleOuts: [new ScaleOutTarget(75, 25), new ScaleOutTarget(50, 50)]).Problems();
        var tooMuch = new ExitPolicy(ScaleOuts: [new ScaleOutTarget(50, 60), new ScaleOutTarget(75, 50)]).Problems();
        var exactlyAll = new ExitPolicy(ScaleOuts: [new ScaleOutTarget(50, 60), new ScaleOutTarget(75, 40)]).Problems();

        Assert.Contains(unordered, p => p.Contains("scale-out 2 at +50% must be at a higher gain than the one before it (+75%)"));
        Assert.Equal(["scale-outs close 110% of the original quantity in all; at most 100%"], tooMuch);
        Assert.Empty(exactlyAll);
    }

    [Theory]
    [InlineData(10, 50, 5)]
    [InlineData(7, 50, 3)]
    [InlineData(7, 25, 1)]
    [InlineData(3, 25, 0)]
    [InlineData(1, 50, 0)]
    [InlineData(1, 100, 1)]
    [InlineData(0, 100, 0)]
    public void A_share_rounds_down_to_whole_contracts(int original, double percent, int contracts)
    {
        Assert.Equal(contracts, new ScaleOutTarget(50, (decimal)percent).ContractsOf(original));
    }
}
