namespace PositionManager.Actors.Gateway.Sequencing;

/// <summary>
/// What the outbox knows of the intent in hand beyond its journaled stage (docs/DESIGN.md, "The
/// gateway's outbox"). Held in memory only: a restarted gateway starts again from the journal,
/// where "submitting" alone already says an order may exist.
/// </summary>
/// <param name="ClientOrderId">The intent's one deterministic id: every submit and lookup of it uses this one.</param>
/// <param name="SubmissionStarted">"Submitting" is journaled (before the first submit leaves): from then on the intent is never given up for failures.</param>
/// <param name="MayBeAtBroker">A submit was sent and no answer since says the broker holds no order under the id:
/// it is looked up before anything else is sent or refused (invariant 5).</param>
/// <param name="FailuresInARow">Broker failures since the intent was taken up; they set the back-off and, before any submit, the refusal.</param>
public sealed record IntentProgress(string ClientOrderId, bool SubmissionStarted, bool MayBeAtBroker, int FailuresInARow)
{
    /// <summary>An intent as the journal holds it: one journaled "submitting" may have been sent before the gateway stopped.</summary>
    public static IntentProgress Of(string clientOrderId, IntentStage stage) =>
        new(clientOrderId, stage == IntentStage.Submitting, stage == IntentStage.Submitting, 0);

    /// <summary>Journaled "submitting" with the crowd that passed on one shared read, and not sent yet (BrokerGateway.Batch.cs).</summary>
    public static IntentProgress CheckedOnSharedRead(string clientOrderId) => new(clientOrderId, true, false, 0);
}
