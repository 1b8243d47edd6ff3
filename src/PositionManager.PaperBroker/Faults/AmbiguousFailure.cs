namespace PositionManager.PaperBroker.Faults;

/// <summary>How an order submission fails after the order was created: the client cannot tell
/// whether it exists and must look it up by client_order_id.</summary>
public enum AmbiguousFailure
{
    /// <summary>HTTP 500 with an error body.</summary>
    Error,

    /// <summary>The connection is aborted with no answer at all (what a timeout looks like).</summary>
    Abort,
}
