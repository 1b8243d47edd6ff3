using Akka.Actor;

namespace PositionManager.Benchmarks;

/// <summary>Completes once it has received the given number of replies; one shared sender for many requests.</summary>
public sealed class ReplyCounter : UntypedActor
{
    private readonly TaskCompletionSource _done;
    private int _remaining;

    public ReplyCounter(int expected, TaskCompletionSource done)
    {
        _remaining = expected;
        _done = done;
    }

    protected override void OnReceive(object message)
    {
        if (--_remaining == 0)
        {
            _done.TrySetResult();
            Context.Stop(Self);
        }
    }
}
