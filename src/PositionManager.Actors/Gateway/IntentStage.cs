namespace PositionManager.Actors.Gateway;

/// <summary>Where an intent is in the gateway's outbox.</summary>
public enum IntentStage
{
    /// <summary>Journaled, waiting for its turn.</summary>
    Queued,

    /// <summary>"Submitting" journaled: the HTTP call may have reached the broker, so before any
    /// further submission the order is looked up by its client_order_id (invariant 5).</summary>
    Submitting,

    /// <summary>The broker has the order; fills and the end come from the stream or polling.</summary>
    Submitted,

    /// <summary>Never sent: a rule or the broker refused it.</summary>
    Refused,

    /// <summary>The broker's order ended (filled, canceled, expired, rejected).</summary>
    Finished,
}
