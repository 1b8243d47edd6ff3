namespace PositionManager.Alpaca.Http;

/// <summary>What a failed exchange may have done: a read changed nothing, a submit may have created an order, a cancel may have ended one.</summary>
internal enum CallKind
{
    Read,
    Submit,

    /// <summary>
    /// A cancel whose answer was lost may have been acted on, but asking again is harmless (an
    /// order that ended answers 422), so its failures are retried like a read's, never Ambiguous.
    /// </summary>
    Cancel,
}
