using PositionManager.Actors.Gateway.Sequencing;
using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using static PositionManager.Actors.Gateway.Sequencing.OutboxStep;
using static PositionManager.Actors.Gateway.Sequencing.SequencingInput;
using static PositionManager.Actors.Tests.Gateway.Sequencing.Sequencing;

namespace PositionManager.Actors.Tests.Gateway.Sequencing;

/// <summary>Every branch of the gateway's sequencing of one intent, without an actor (docs/DESIGN.md, "The gateway's outbox").</summary>
public sealed class IntentSequencingTests
{
    private static readonly BrokerFailure Unknown = new BrokerFailure.Ambiguous("connection reset after the request was sent");
    private static readonly BrokerFailure Down = new BrokerFailure.Transient("503");

    [Fact]
    public void A_recovered_intent_journaled_submitting_is_looked_up_before_anything_else_even_halted_or_closed()
    {
        foreach (var conditions in new[] { Open, Halted, Closed })
        {
            var step = Decide(Recovered, new Turn(), conditions).Step;

            Assert.Equal(new LookUp(IntentId), step);
        }
    }

    [Fact]
    public void A_crowd_member_checked_on_a_read_that_still_holds_is_sent_unchanged_with_no_lookup()
    {
        var request = Request();

        var decision = Decide(IntentProgress.CheckedOnSharedRead(IntentId), new Turn(request));

        Assert.Same(request, Assert.IsType<Submit>(decision.Step).Request);
        Assert.True(decision.Progress.MayBeAtBroker);
    }

    [Fact]
    public void A_crowd_member_whose_read_is_too_old_or_that_meets_a_halt_or_a_close_is_checked_again_not_looked_up()
    {
        var member = IntentProgress.CheckedOnSharedRead(IntentId);

        Assert.Equal(new ReadPosition(MayShare: true), Decide(member, new Turn()).Step);
        Assert.Equal(new ReadPosition(MayShare: true), Decide(member, new Turn(Request()), Halted).Step);
        Assert.Equal(new ReadPosition(MayShare: true), Decide(member, new Turn(Request()), Closed).Step);
    }

    [Fact]
    public void A_queued_intent_meeting_the_halt_is_refused_by_name()
    {
        var refusal = Assert.IsType<Refuse>(Decide(Queued, new Turn(), Halted).Step);

        Assert.Equal(["GatewayHalted"], refusal.Codes);
        Assert.Contains("halted (drill)", refusal.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_queued_intent_is_held_while_the_market_is_closed_and_read_while_it_is_open()
    {
        Assert.Same(Hold.Instance, Decide(Queued, new Turn(), Closed).Step);
        Assert.Equal(new ReadPosition(MayShare: true), Decide(Queued, new Turn(), Open).Step);
    }

    [Fact]
    public void An_intent_that_passes_the_rules_is_submitted_under_its_own_client_order_id()
    {
        var decision = Decide(Queued, new RulesChecked(Passing()));

        Assert.Equal(IntentId, Assert.IsType<Submit>(decision.Step).Request.ClientOrderId);
        Assert.Equal(Queued with { SubmissionStarted = true, MayBeAtBroker = true }, decision.Progress);
    }

    [Fact]
    public void A_request_under_another_client_order_id_is_never_submitted()
    {
        Assert.Throws<InvalidOperationException>(() => Decide(Queued, new RulesChecked(Passing("pm-GOOGL260220C00340000-0a1b2c3d-2"))));
    }

    [Fact]
    public void An_intent_that_passes_the_rules_after_the_close_is_held()
    {
        Assert.Same(Hold.Instance, Decide(Queued, new RulesChecked(Passing()), Closed).Step);
    }

    [Fact]
    public void An_intent_the_rules_refuse_is_looked_up_by_its_client_order_id_before_it_is_refused()
    {
        var check = NotHeld;

        var lookUp = Assert.IsType<LookUp>(Decide(Queued, new RulesChecked(check)).Step);

        Assert.Equal(IntentId, lookUp.ClientOrderId);
        Assert.Same(check.Violations, lookUp.BeforeRefusing);
    }

    [Fact]
    public void A_failed_read_is_read_again_alone_after_a_back_off_that_doubles_up_to_its_cap()
    {
        var first = Decide(Queued, new ReadFailed(Down));
        var many = Decide(StartedNotAtBroker with { FailuresInARow = 20 }, new ReadFailed(Down));

        Assert.Equal(new RetryAt(Now + (Settings.RetryDelay * 2), new ReadPosition(MayShare: false)), first.Step);
        Assert.Equal(1, first.Progress.FailuresInARow);
        Assert.Equal(new RetryAt(Now + Settings.MaxRetryDelay, new ReadPosition(MayShare: false)), many.Step);
    }

    [Fact]
    public void A_rate_limited_read_waits_for_the_reset()
    {
        var reset = Now.AddSeconds(17);

        Assert.Equal(new RetryAt(reset, new ReadPosition(MayShare: false)), Decide(Queued, new ReadFailed(new BrokerFailure.RateLimited(reset, "429"))).Step);
    }

    [Fact]
    public void A_queued_intent_is_refused_when_reading_its_position_is_refused_but_a_started_one_waits()
    {
        BrokerFailure[] refusals = [new BrokerFailure.Rejected(422, null, "bad symbol"), new BrokerFailure.Unauthorized(403, "forbidden")];
        foreach (var refusal in refusals)
        {
            var refused = Assert.IsType<Refuse>(Decide(Queued, new ReadFailed(refusal)).Step);
            Assert.Equal([IntentSequencing.BrokerRefusal], refused.Codes);
            Assert.IsType<RetryAt>(Decide(StartedNotAtBroker, new ReadFailed(refusal)).Step);
        }
    }

    [Fact]
    public void A_queued_intent_is_refused_after_the_last_attempt_but_a_started_one_is_never_given_up()
    {
        var lastAttempt = Queued with { FailuresInARow = Settings.MaxAttempts - 1 };

        var refused = Assert.IsType<Refuse>(Decide(lastAttempt, new ReadFailed(Down)).Step);
        Assert.Equal([IntentSequencing.BrokerUnavailable], refused.Codes);
        Assert.IsType<RetryAt>(Decide(StartedNotAtBroker with { FailuresInARow = 99 }, new ReadFailed(Down)).Step);
        Assert.IsType<RetryAt>(Decide(Sent with { FailuresInARow = 99 }, new LookupAnswer(Down)).Step);
    }

    [Fact]
    public void An_accepted_submit_is_done()
    {
        Assert.Equal(new Done(Order), Decide(Sent, new SubmitAnswer(BrokerResult<BrokerOrder>.Success(Order))).Step);
    }

    [Fact]
    public void A_rate_limited_submit_is_checked_again_from_the_read_at_the_reset_and_a_reset_already_past_is_now()
    {
        var later = Decide(Sent, new SubmitAnswer(new BrokerFailure.RateLimited(Now.AddSeconds(30), "429")));
        var past = Decide(Sent, new SubmitAnswer(new BrokerFailure.RateLimited(Now.AddSeconds(-5), "429")));

        Assert.Equal(new RetryAt(Now.AddSeconds(30), new ReadPosition(MayShare: false)), later.Step);
        Assert.False(later.Progress.MayBeAtBroker);
        Assert.Equal(new RetryAt(Now, new ReadPosition(MayShare: false)), past.Step);
    }

    [Fact]
    public void A_duplicate_client_order_id_is_looked_up_not_refused()
    {
        var decision = Decide(Sent, new SubmitAnswer(new BrokerFailure.Rejected(422, 40010001, "client_order_id must be unique")));

        Assert.Equal(new LookUp(IntentId), decision.Step);
        Assert.True(decision.Progress.MayBeAtBroker);
    }

    [Fact]
    public void A_submit_the_broker_refuses_is_refused_with_the_brokers_words()
    {
        var rejected = Assert.IsType<Refuse>(Decide(Sent, new SubmitAnswer(new BrokerFailure.Rejected(422, 42210000, "insufficient qty"))).Step);
        var forbidden = Assert.IsType<Refuse>(Decide(Sent, new SubmitAnswer(new BrokerFailure.Unauthorized(403, "forbidden"))).Step);

        Assert.Equal([IntentSequencing.BrokerRefusal], rejected.Codes);
        Assert.Contains("422 42210000 insufficient qty", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal([IntentSequencing.BrokerRefusal], forbidden.Codes);
        Assert.Contains("(403): forbidden", forbidden.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_submit_that_ended_unknown_is_looked_up_and_counted_as_a_failure()
    {
        foreach (var failure in new[] { Unknown, Down, new BrokerFailure.Malformed("unreadable 200") })
        {
            var decision = Decide(Sent, new SubmitAnswer(failure));

            Assert.Equal(new LookUp(IntentId), decision.Step);
            Assert.Equal(Sent with { FailuresInARow = 1 }, decision.Progress);
        }
    }

    [Fact]
    public void A_lookup_that_finds_the_order_is_done()
    {
        Assert.Equal(new Done(Order), Decide(Sent, new LookupAnswer(BrokerResult<BrokerOrder?>.Success(Order))).Step);
    }

    [Fact]
    public void A_lookup_that_finds_nothing_checks_again_from_the_read_after_a_back_off()
    {
        var decision = Decide(Sent with { FailuresInARow = 1 }, new LookupAnswer(BrokerResult<BrokerOrder?>.Success(null)));

        Assert.Equal(new RetryAt(Now + (Settings.RetryDelay * 2), new ReadPosition(MayShare: false)), decision.Step);
        Assert.False(decision.Progress.MayBeAtBroker);
    }

    [Fact]
    public void A_failed_lookup_is_tried_again()
    {
        Assert.Equal(new RetryAt(Now + (Settings.RetryDelay * 2), new LookUp(IntentId)), Decide(Sent, new LookupAnswer(Down)).Step);
    }

    [Fact]
    public void A_refusal_lookup_that_finds_the_order_reports_it_instead_of_a_refusal()
    {
        Assert.Equal(new Done(Order), Decide(Queued, new RefusalLookupAnswer(NotHeld.Violations, BrokerResult<BrokerOrder?>.Success(Order))).Step);
    }

    [Fact]
    public void A_refusal_lookup_that_finds_nothing_refuses_with_every_rule_named()
    {
        var refused = Assert.IsType<Refuse>(Decide(StartedNotAtBroker, new RefusalLookupAnswer(NotHeld.Violations, BrokerResult<BrokerOrder?>.Success(null))).Step);

        Assert.Equal([nameof(RuleCode.SymbolNotHeld)], refused.Codes);
        Assert.StartsWith("SymbolNotHeld: ", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_refusal_lookup_refuses_a_queued_intent_but_checks_a_started_one_again()
    {
        Assert.IsType<Refuse>(Decide(Queued, new RefusalLookupAnswer(NotHeld.Violations, Down)).Step);
        Assert.Equal(
            new RetryAt(Now + (Settings.RetryDelay * 2), new ReadPosition(MayShare: false)),
            Decide(StartedNotAtBroker, new RefusalLookupAnswer(NotHeld.Violations, Down)).Step);
    }
}
