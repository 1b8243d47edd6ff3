using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace PositionManager.Actors.Positions;

/// <summary>
/// An unbounded double-ended message queue sized by what it holds: a <see cref="Queue{T}"/>
/// behind a spin lock for senders (a Monitor measured ~6% of the tick path's CPU in its
/// contended slow path, shard and entity touching the queue at once; the critical section is a
/// few instructions), and a stack, only ever touched by the actor itself, for what it puts back
/// in front (unstash), as Akka's own deque wrapper does. A queue that a burst
/// grew gives its array back once drained, so an idle position does not keep a burst's worth of slots.
/// </summary>
public sealed class PositionMessageQueue : IMessageQueue, IUnboundedDequeBasedMessageQueueSemantics
{
    /// <summary>Slots a drained queue may keep; a position sees a few messages at a time.</summary>
    private const int KeptCapacity = 16;

    private readonly Queue<Envelope> _queue = new();
    private SpinLock _lock = new(enableThreadOwnerTracking: false);
    private Stack<Envelope>? _prepended;
    private int _queued;
    private int _queueGrownTo;
    private int _prependedGrownTo;

    // Read by the dispatcher without the lock, like Akka's own queues: a sender that enqueues
    // after this read schedules the mailbox itself.
    public bool HasMessages => Count > 0;

    public int Count => Volatile.Read(ref _queued) + (_prepended?.Count ?? 0);

    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        var taken = false;
        try
        {
            _lock.Enter(ref taken);
            _queue.Enqueue(envelope);
            _queueGrownTo = Math.Max(_queueGrownTo, _queue.Count);
            Volatile.Write(ref _queued, _queue.Count);
        }
        finally
        {
            if (taken)
            {
                _lock.Exit();
            }
        }
    }

    public bool TryDequeue(out Envelope envelope)
    {
        if (_prepended is { Count: > 0 } prepended)
        {
            envelope = prepended.Pop();
            if (prepended.Count == 0 && _prependedGrownTo > KeptCapacity)
            {
                _prepended = null;
                _prependedGrownTo = 0;
            }

            return true;
        }

        if (Volatile.Read(ref _queued) == 0)
        {
            envelope = default;
            return false;
        }

        var taken = false;
        try
        {
            _lock.Enter(ref taken);
            if (!_queue.TryDequeue(out envelope))
            {
                return false;
            }

            Volatile.Write(ref _queued, _queue.Count);
            if (_queue.Count == 0 && _queueGrownTo > KeptCapacity)
            {
                _queue.TrimExcess();
                _queueGrownTo = 0;
            }

            return true;
        }
        finally
        {
            if (taken)
            {
                _lock.Exit();
            }
        }
    }

    /// <summary>Only the actor itself calls this (unstash), so the stack needs no lock.</summary>
    public void EnqueueFirst(Envelope envelope)
    {
        _prepended ??= new Stack<Envelope>();
        _prepended.Push(envelope);
        _prependedGrownTo = Math.Max(_prependedGrownTo, _prepended.Count);
    }

    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }
}
