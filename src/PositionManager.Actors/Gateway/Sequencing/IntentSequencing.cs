using PositionManager.Alpaca.Trading;
using PositionManager.Domain.Orders;
using static PositionManager.Actors.Gateway.Sequencing.OutboxStep;
using static PositionManager.Actors.Gateway.Sequencing.SequencingInput;

namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>
/// The gateway's sequencing of one intent (submit, look up, retry at, hold, refuse), as a pure
/// function of its progress, what just happened and the conditions; the actor only performs the
/// step (docs/DESIGN.md, "The gateway's outbox", has the table). What it keeps, whatever the broker
/// answers: an intent that may be at the broker is looked up by its client_order_id before it is
/// sent again or refused, every submit goes under that one id, and an intent whose submission has
/// started is never given up for failures (invariant 5).
/// </summary>
public static class IntentSequencing
{
    /// <summary>Refusal codes that are not OrderRules' own: the broker said no, or never answered.</summary>
    public const string BrokerRefusal = "BrokerRejected";
    public const string BrokerUnavailable = "BrokerUnavailable";

    public static SequencingDecision Decide(IntentProgress progress, SequencingInput input, OutboxConditions conditions, GatewaySettings settings) => input switch
    {
        Turn turn => OnTurn(progress, turn, conditions),
        ReadFailed read => RetryLater(progress, read.Failure, new ReadPosition(MayShare: false), conditions, settings),
        RulesChecked rules => OnRulesChecked(progress, rules.Check, conditions),
        SubmitAnswer answer => OnSubmitAnswer(progress, answer.Result, conditions),
        LookupAnswer lookup => OnLookupAnswer(progress, lookup.Result, conditions, settings),
        RefusalLookupAnswer lookup => OnRefusalLookupAnswer(progress, lookup, conditions, settings),
        _ => throw new ArgumentOutOfRangeException(nameof(input), input.GetType().Name, "unknown sequencing input"),
    };

    /// <summary>How long the gateway waits after <paramref name="failuresInARow"/> failures: doubling, capped.</summary>
    public static TimeSpan Backoff(int failuresInARow, GatewaySettings settings)
    {
        var factor = Math.Pow(2, Math.Min(failuresInARow, 10));
        var delay = TimeSpan.FromTicks((long)(settings.RetryDelay.Ticks * factor));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private static SequencingDecision OnTurn(IntentProgress progress, Turn turn, OutboxConditions conditions)
    {
        if (progress.MayBeAtBroker)
        {
            // A submission may have reached the broker before the gateway stopped: find it, never guess.
            return new(progress, new LookUp(progress.ClientOrderId));
        }

        if (progress.SubmissionStarted)
        {
            // Checked on the shared read with a crowd and never sent: sent unchanged while that read
            // holds, else checked again (halted included) on a fresh one. No lookup: nothing left.
            return turn.CheckedRequest is { } request && !conditions.Halted && conditions.MarketOpen
                ? Submit(progress, request)
                : new(progress, new ReadPosition(MayShare: true));
        }

        if (conditions.Halted)
        {
            return new(progress, Refusal([new RuleViolation(RuleCode.GatewayHalted, $"the gateway is halted ({conditions.HaltReason}); resume it before any order is sent")]));
        }

        return conditions.MarketOpen ? new(progress, new ReadPosition(MayShare: true)) : new(progress, Hold.Instance);
    }

    private static SequencingDecision OnRulesChecked(IntentProgress progress, OrderCheck check, OutboxConditions conditions)
    {
        if (check.Request is not { } request)
        {
            // It may be one this gateway sent and has since forgotten: its position hears of that
            // order, not a refusal (GatewayState.Completed).
            return new(progress, new LookUp(progress.ClientOrderId, check.Violations));
        }

        // Closed since the intent was taken up (the read took a while, or a retry waited).
        return conditions.MarketOpen ? Submit(progress, request) : new(progress, Hold.Instance);
    }

    private static SequencingDecision OnSubmitAnswer(IntentProgress progress, BrokerResult<BrokerOrder> answer, OutboxConditions conditions) => answer.Failure switch
    {
        null => new(progress, new Done(answer.Value!)),
        // Nothing was done. Once the window resets the position is read and the rules run again
        // (halted included) before the same client_order_id is sent again (invariant 4).
        BrokerFailure.RateLimited limited => new(progress with { MayBeAtBroker = false }, new RetryAt(NotBefore(limited.RetryAt, conditions), new ReadPosition(MayShare: false))),
        // Used before: an earlier submit of this very intent arrived after all.
        BrokerFailure.Rejected { IsDuplicateClientOrderId: true } => new(progress with { MayBeAtBroker = true }, new LookUp(progress.ClientOrderId)),
        BrokerFailure.Rejected rejected => new(progress with { MayBeAtBroker = false }, BrokerRefused($"the broker refused the order: {rejected.HttpStatus} {rejected.Code} {rejected.Message}")),
        BrokerFailure.Unauthorized unauthorized => new(progress with { MayBeAtBroker = false }, BrokerRefused($"the broker refused our keys ({unauthorized.HttpStatus}): {unauthorized.Message}")),
        // Ambiguous, transient or unreadable: the order may exist. Look before anything else.
        _ => new(progress with { MayBeAtBroker = true, FailuresInARow = progress.FailuresInARow + 1 }, new LookUp(progress.ClientOrderId)),
    };

    private static SequencingDecision OnLookupAnswer(IntentProgress progress, BrokerResult<BrokerOrder?> lookup, OutboxConditions conditions, GatewaySettings settings)
    {
        if (lookup.Failure is { } failure)
        {
            return RetryLater(progress, failure, new LookUp(progress.ClientOrderId), conditions, settings);
        }

        if (lookup.Value is { } order)
        {
            return new(progress, new Done(order));
        }

        // Not at the broker: checked again from the start (the rules see today's position) and sent
        // with the SAME client_order_id, which the broker refuses should the first arrive late.
        return RetryLater(progress with { MayBeAtBroker = false }, null, new ReadPosition(MayShare: false), conditions, settings);
    }

    private static SequencingDecision OnRefusalLookupAnswer(IntentProgress progress, RefusalLookupAnswer lookup, OutboxConditions conditions, GatewaySettings settings)
    {
        if (lookup.Result is { Failure: null, Value: { } order })
        {
            return new(progress, new Done(order));
        }

        if (lookup.Result.Failure is { } failure && progress.SubmissionStarted)
        {
            // A submission of it may have reached the broker: never refused without the broker's
            // word. Checked again from the position read, so the rules see the latest.
            return RetryLater(progress, failure, new ReadPosition(MayShare: false), conditions, settings);
        }

        // Never sent: refusing sends nothing, so it stays safe without the answer; the position tries again later.
        return new(progress, Refusal(lookup.Violations));
    }

    /// <summary>
    /// Waits and tries again. An intent that never reached the broker is refused after too many
    /// failures (its position retries later); one whose submission started is never given up,
    /// since a new exit with a new id could then become a second order.
    /// </summary>
    private static SequencingDecision RetryLater(IntentProgress progress, BrokerFailure? failure, OutboxStep then, OutboxConditions conditions, GatewaySettings settings)
    {
        if (failure is BrokerFailure.Unauthorized or BrokerFailure.Rejected && !progress.SubmissionStarted)
        {
            return new(progress, BrokerRefused($"reading the broker's position failed: {failure.Message}"));
        }

        var next = failure is null ? progress : progress with { FailuresInARow = progress.FailuresInARow + 1 };
        if (!next.SubmissionStarted && next.FailuresInARow >= settings.MaxAttempts)
        {
            return new(next, new Refuse(new[] { BrokerUnavailable }, $"{BrokerUnavailable}: the broker did not answer after {next.FailuresInARow} attempts: {failure?.Message}"));
        }

        var at = failure is BrokerFailure.RateLimited limited ? NotBefore(limited.RetryAt, conditions) : conditions.Now + Backoff(next.FailuresInARow, settings);
        return new(next, new RetryAt(at, then));
    }

    private static SequencingDecision Submit(IntentProgress progress, OrderRequest request)
    {
        if (!string.Equals(request.ClientOrderId, progress.ClientOrderId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"a request under {request.ClientOrderId} for intent {progress.ClientOrderId}: every submit of an intent uses its one client_order_id");
        }

        // Until its answer, the order may exist.
        return new(progress with { SubmissionStarted = true, MayBeAtBroker = true }, new Submit(request));
    }

    private static Refuse Refusal(IReadOnlyList<RuleViolation> violations) =>
        new(violations.Select(v => v.Code.ToString()).ToList(), string.Join("; ", violations.Select(v => $"{v.Code}: {v.Message}")));

    // A plain array, not [code]: the compiler's single-element list has no constructor a
    // deserializer can use, which Akka's serialize-messages (on in tests) trips over.
    private static Refuse BrokerRefused(string message) => new(new[] { BrokerRefusal }, $"{BrokerRefusal}: {message}");

    private static DateTimeOffset NotBefore(DateTimeOffset at, OutboxConditions conditions) => at > conditions.Now ? at : conditions.Now;
}
