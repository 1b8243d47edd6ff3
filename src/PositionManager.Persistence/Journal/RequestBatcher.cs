using System.Threading.Channels;

namespace PositionManager.Persistence.Journal;

/// <summary>
/// Gathers requests that arrive while earlier ones are being served and serves them together: one
/// database statement for many persistent actors instead of one each. A request waits for nobody:
/// an idle batcher takes it at once, alone if nothing else is queued. Up to
/// <c>parallelism</c> batches run at a time; a failed batch fails each of its requests.
/// <para>
/// The queue is bounded: a request that finds <c>capacity</c> requests already waiting fails at
/// once with <see cref="RequestQueueFullException"/> (the plugin's own write queue fails the same
/// way past its <c>buffer-size</c>), so a flood the database cannot keep up with costs failed
/// persists, which their actors see and retry, never unbounded memory.
/// </para>
/// <para>
/// A request cancelled while it waits is dropped before its batch is sent. A batch of one is served
/// with its request's token; a batch of several is served to completion, since other actors'
/// requests share its statement.
/// </para>
/// </summary>
internal sealed class RequestBatcher<TRequest, TResult>
{
    private readonly Channel<Pending> _queue;
    private readonly Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> _serve;
    private readonly Func<TRequest, int> _weight;
    private readonly int _maxWeight;
    private readonly int _capacity;
    private readonly string _name;
    private bool _completed;

    /// <param name="name">What the queue is for, as a full queue's failure names it.</param>
    /// <param name="serve">Serves a batch; answers one result per request, in request order.</param>
    /// <param name="maxWeight">The most a batch may weigh (by <paramref name="weight"/>, one per request by default); a heavier single request goes alone.</param>
    /// <param name="capacity">The most requests that may wait; one more fails.</param>
    public RequestBatcher(
        string name,
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<IReadOnlyList<TResult>>> serve,
        int maxWeight,
        int parallelism,
        int capacity,
        Func<TRequest, int>? weight = null)
    {
        _name = name;
        _serve = serve;
        _weight = weight ?? (static _ => 1);
        _maxWeight = Math.Max(1, maxWeight);
        _capacity = Math.Max(1, capacity);
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        for (var i = 0; i < Math.Max(1, parallelism); i++)
        {
            _ = Task.Run(ServeLoopAsync);
        }
    }

    public Task<TResult> Enqueue(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously), cancellationToken);
        if (cancellationToken.IsCancellationRequested)
        {
            pending.Done.SetCanceled(cancellationToken);
            return pending.Done.Task;
        }

        if (!_queue.Writer.TryWrite(pending))
        {
            // TryWrite on a bounded channel fails when it is full or completed.
            pending.Done.SetException(Volatile.Read(ref _completed)
                ? new InvalidOperationException($"the {_name} is stopping: no more requests")
                : new RequestQueueFullException(_name, _capacity));
            return pending.Done.Task;
        }

        if (cancellationToken.CanBeCanceled)
        {
            // Completing the task is all a cancellation does: the serve loop skips a request already done.
            var registration = cancellationToken.Register(static state => ((Pending)state!).Cancel(), pending);
            _ = pending.Done.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, TaskScheduler.Default);
        }

        return pending.Done.Task;
    }

    /// <summary>Serves what is queued, then lets the loops end.</summary>
    public void Complete()
    {
        Volatile.Write(ref _completed, true);
        _queue.Writer.TryComplete();
    }

    private async Task ServeLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        var requests = new List<TRequest>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            requests.Clear();
            var weight = 0;
            while (weight < _maxWeight && reader.TryRead(out var next))
            {
                if (next.Done.Task.IsCompleted)
                {
                    continue;
                }

                batch.Add(next);
                requests.Add(next.Request);
                weight += _weight(next.Request);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var token = batch.Count == 1 ? batch[0].CancellationToken : CancellationToken.None;
                var results = await _serve(requests, token).ConfigureAwait(false);
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"a batch of {batch.Count} requests was answered with {results.Count} results");
                }

                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                batch.ForEach(p => p.Done.TrySetException(e));
            }
        }
    }

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Done, CancellationToken CancellationToken)
    {
        public void Cancel() => Done.TrySetCanceled(CancellationToken);
    }
}
