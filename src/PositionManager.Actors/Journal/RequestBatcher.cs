using System.Threading.Channels;

namespace PositionManager.Actors.Journal;

/// <summary>
/// Gathers requests that arrive while earlier ones are being served and serves them together: one
/// database statement for many persistent actors instead of one each. A request waits for nobody:
/// an idle batcher takes it at once, alone if nothing else is queued. Up to
/// <c>parallelism</c> batches run at a time; a failed batch fails each of its requests.
/// </summary>
internal sealed class RequestBatcher<TRequest, TResult>
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> _serve;
    private readonly Func<TRequest, int> _weight;
    private readonly int _maxWeight;

    /// <param name="serve">Serves a batch; answers one result per request, in request order.</param>
    /// <param name="maxWeight">The most a batch may weigh (by <paramref name="weight"/>, one per request by default); a heavier single request goes alone.</param>
    public RequestBatcher(Func<IReadOnlyList<TRequest>, Task<IReadOnlyList<TResult>>> serve, int maxWeight, int parallelism, Func<TRequest, int>? weight = null)
    {
        _serve = serve;
        _weight = weight ?? (static _ => 1);
        _maxWeight = Math.Max(1, maxWeight);
        for (var i = 0; i < Math.Max(1, parallelism); i++)
        {
            _ = Task.Run(ServeLoopAsync);
        }
    }

    public Task<TResult> Enqueue(TRequest request)
    {
        var pending = new Pending(request, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            pending.Done.SetException(new InvalidOperationException("the store is stopping: no more requests"));
        }

        return pending.Done.Task;
    }

    /// <summary>Serves what is queued, then lets the loops end.</summary>
    public void Complete() => _queue.Writer.TryComplete();

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
                var results = await _serve(requests).ConfigureAwait(false);
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

    private sealed record Pending(TRequest Request, TaskCompletionSource<TResult> Done);
}
