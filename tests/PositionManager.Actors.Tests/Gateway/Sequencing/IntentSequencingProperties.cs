using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PositionManager.Actors.Gateway;
using PositionManager.Actors.Gateway.Sequencing;
using PositionManager.Alpaca.Trading;
using static PositionManager.Actors.Gateway.Sequencing.OutboxStep;
using static PositionManager.Actors.Gateway.Sequencing.SequencingInput;
using static PositionManager.Actors.Tests.Gateway.Sequencing.Sequencing;

namespace PositionManager.Actors.Tests.Gateway.Sequencing;

/// <summary>
/// Invariant 5 over random histories of one intent: every step the sequencing asks for is answered
/// by a broker that may accept, refuse, rate-limit, fail, drop the connection after the request left,
/// or say the id was used, while the kill switch and the market's hours flip and the gateway restarts
/// from its journal at any moment. Whatever happens: an intent that may have reached the broker (a
/// submit was sent and no lookup since found nothing, or it was journaled "submitting" before a
/// restart) is never refused and never submitted again before a lookup by its client_order_id
/// answered that there is no such order; every submit is under that one id; an intent whose
/// submission started is refused only on the broker's own word, never for failures.
/// </summary>
public sealed class IntentSequencingProperties
{
    [Property(MaxTest = 500)]
    public Property An_intent_that_may_have_reached_the_broker_is_never_refused_or_sent_again_before_a_lookup_found_nothing() =>
        Prop.ForAll(Histories().ToArbitrary(), history => Play(history.CheckedWithACrowd, history.Dice) is null);

    [Fact]
    public void The_histories_reach_every_step()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(20261202);
        for (var i = 0; i < 300; i++)
        {
            var dice = Enumerable.Range(0, 60).Select(_ => random.Next(1000)).ToArray();
            Assert.Null(Play(i % 4 == 0, dice, seen));
        }

        Assert.Superset(new HashSet<string>(["ReadPosition", "Submit", "LookUp", "RetryAt", "Hold", "Refuse", "Done"]), seen);
    }

    private static Gen<(bool CheckedWithACrowd, int[] Dice)> Histories() =>
        from crowd in Gen.Elements(true, false, false)
        from dice in Gen.Choose(0, 999).ArrayOf()
        select (crowd, dice);

    /// <summary>Plays one history; the broken promise, if any.</summary>
    private static string? Play(bool checkedWithACrowd, int[] dice, HashSet<string>? seen = null)
    {
        var next = 0;
        int Roll(int sides) => next < dice.Length ? dice[next++] % sides : 0;

        // The truth, kept apart from the sequencing's own memory: what the journal says, and whether
        // an order under the id may exist at the broker.
        var journaledSubmitting = checkedWithACrowd;
        var mayExist = false;
        var now = Now;
        var progress = checkedWithACrowd ? IntentProgress.CheckedOnSharedRead(IntentId) : IntentProgress.Of(IntentId, IntentStage.Queued);
        SequencingInput input = new Turn(checkedWithACrowd && Roll(2) == 0 ? Request() : null);

        for (var turns = 0; turns < 200; turns++)
        {
            var conditions = new OutboxConditions(now, Halted: Roll(6) == 0, HaltReason: "drill", MarketOpen: Roll(6) != 0);
            var decision = IntentSequencing.Decide(progress, input, conditions, Settings);
            progress = decision.Progress;
            var step = decision.Step;
            seen?.Add(step.GetType().Name);

            if (step is RetryAt retry)
            {
                if (retry.At < now)
                {
                    return $"a retry in the past after {input}";
                }

                now = retry.At;
                step = retry.Then;
                seen?.Add(step.GetType().Name);
            }

            switch (step)
            {
                case Submit submit when mayExist:
                    return $"submitted again while an order may exist, after {input}";
                case Submit submit when submit.Request.ClientOrderId != IntentId:
                    return $"submitted under {submit.Request.ClientOrderId}";
                case Refuse when mayExist:
                    return $"refused while an order may exist, after {input}";
                case Refuse refuse when journaledSubmitting && !IsTheBrokersWord(input):
                    return $"a started intent refused ({string.Join(",", refuse.Codes)}) without the broker's word, after {input}";
                case Refuse or Done:
                    return null;
            }

            if (Roll(12) == 0)
            {
                // The gateway stops and starts again: only the journal is left.
                progress = IntentProgress.Of(IntentId, journaledSubmitting ? IntentStage.Submitting : IntentStage.Queued);
                input = new Turn();
                continue;
            }

            (input, mayExist) = step switch
            {
                ReadPosition => (Roll(3) == 0 ? new ReadFailed(AnyFailure(Roll(6), now)) : new RulesChecked(Roll(3) == 0 ? NotHeld : Passing()), mayExist),
                Submit => AnswerSubmit(Roll(8), now),
                LookUp { BeforeRefusing: { } violations } => AnswerLookup(Roll(3), mayExist, result => new RefusalLookupAnswer(violations, result)),
                LookUp => AnswerLookup(Roll(3), mayExist, result => new LookupAnswer(result)),
                Hold => (new Turn(), mayExist),
                _ => throw new InvalidOperationException($"unexpected step {step}"),
            };
            journaledSubmitting |= step is Submit;
        }

        return null;
    }

    /// <summary>A submit's answer and whether an order may exist after it (it was sent only when none could).</summary>
    private static (SequencingInput, bool) AnswerSubmit(int roll, DateTimeOffset now) => roll switch
    {
        0 => (new SubmitAnswer(BrokerResult<BrokerOrder>.Success(Order)), true),
        1 => (new SubmitAnswer(new BrokerFailure.RateLimited(now.AddSeconds(roll), "429")), false),
        2 => (new SubmitAnswer(new BrokerFailure.Rejected(422, 40010001, "client_order_id must be unique")), true),
        3 => (new SubmitAnswer(new BrokerFailure.Rejected(422, 42210000, "insufficient qty")), false),
        4 => (new SubmitAnswer(new BrokerFailure.Unauthorized(403, "forbidden")), false),
        5 => (new SubmitAnswer(new BrokerFailure.Transient("503 after the request was sent")), true),
        6 => (new SubmitAnswer(new BrokerFailure.Malformed("unreadable 200")), true),
        _ => (new SubmitAnswer(new BrokerFailure.Ambiguous("connection dropped")), true),
    };

    private static (SequencingInput, bool) AnswerLookup(int roll, bool mayExist, Func<BrokerResult<BrokerOrder?>, SequencingInput> answer) => roll switch
    {
        0 => (answer(BrokerResult<BrokerOrder?>.Success(Order)), true),
        1 => (answer(BrokerResult<BrokerOrder?>.Success(null)), false),
        _ => (answer(new BrokerFailure.Transient("lookup timed out")), mayExist),
    };

    private static BrokerFailure AnyFailure(int roll, DateTimeOffset now) => roll switch
    {
        0 => new BrokerFailure.RateLimited(now.AddSeconds(3), "429"),
        1 => new BrokerFailure.Rejected(422, null, "bad request"),
        2 => new BrokerFailure.Unauthorized(401, "unauthorized"),
        3 => new BrokerFailure.Malformed("unreadable"),
        _ => new BrokerFailure.Transient("connection refused"),
    };

    /// <summary>The broker said there is no order under the id, or refused this very submit.</summary>
    private static bool IsTheBrokersWord(SequencingInput input) => input switch
    {
        RefusalLookupAnswer { Result: { Failure: null, Value: null } } => true,
        SubmitAnswer { Result.Failure: BrokerFailure.Rejected { IsDuplicateClientOrderId: false } or BrokerFailure.Unauthorized } => true,
        _ => false,
    };
}
