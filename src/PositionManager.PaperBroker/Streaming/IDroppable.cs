namespace PositionManager.PaperBroker.Streaming;

/// <summary>A websocket client the fault injector can drop, as a real network would.</summary>
internal interface IDroppable
{
    /// <summary>Cancelled when the connection is dropped.</summary>
    CancellationToken Dropped { get; }

    /// <summary>Aborts the connection without a close handshake.</summary>
    void Drop();
}
