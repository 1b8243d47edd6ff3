namespace PositionManager.Persistence.Journal;

/// <summary>A request found the queue of the journal's or snapshot store's statements full: the database does not keep up.</summary>
public sealed class RequestQueueFullException(string queue, int capacity)
    : Exception($"the {queue} is full ({capacity} requests waiting): the database does not keep up; the request was not sent")
{
    public int Capacity { get; } = capacity;
}
