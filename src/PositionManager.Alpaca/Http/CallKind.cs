namespace PositionManager.Alpaca.Http;

/// <summary>What a failed exchange may have done: a read changed nothing, a submit may have created an order.</summary>
internal enum CallKind
{
    Read,
    Submit,
}
