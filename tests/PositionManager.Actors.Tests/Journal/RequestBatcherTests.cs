using PositionManager.Persistence.Journal;

namespace PositionManager.Actors.Tests.Journal;

/// <summary>The journal's statement queues are bounded and honour cancellation: a flood fails clearly instead of growing memory.</summary>
public sealed class RequestBatcherTests
{
    [Fact]
    public async Task A_request_past_the_capacity_fails_at_once_and_names_the_queue()
    {
        var database = new GatedDatabase();
        var batcher = database.Batcher(maxWeight: 1, capacity: 2);

        // The first is taken by the only serve loop and blocks it; two more fill the queue.
        var first = batcher.Enqueue(1, CancellationToken.None);
        await database.Serving;
        var queued = new[] { batcher.Enqueue(2, CancellationToken.None), batcher.Enqueue(3, CancellationToken.None) };
        var refused = batcher.Enqueue(4, CancellationToken.None);

        var error = await Assert.ThrowsAsync<RequestQueueFullException>(() => refused);
        Assert.Contains("test queue", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Capacity);

        database.Open();
        var results = await Task.WhenAll([first, .. queued]);
        Assert.Equal([1, 2, 3], results);
        Assert.DoesNotContain(4, database.Served);
    }

    [Fact]
    public async Task A_request_cancelled_while_it_waits_is_never_sent()
    {
        var database = new GatedDatabase();
        var batcher = database.Batcher(maxWeight: 10, capacity: 10);
        var first = batcher.Enqueue(1, CancellationToken.None);
        await database.Serving;
        using var cancel = new CancellationTokenSource();
        var cancelled = batcher.Enqueue(2, cancel.Token);
        var kept = batcher.Enqueue(3, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        database.Open();

        Assert.Equal(1, await first);
        Assert.Equal(3, await kept);
        Assert.DoesNotContain(2, database.Served);
    }

    [Fact]
    public async Task A_batch_of_one_is_served_with_its_request_token()
    {
        using var cancel = new CancellationTokenSource();
        var batcher = new RequestBatcher<int, int>("test queue", async (batch, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return batch;
        }, maxWeight: 10, parallelism: 1, capacity: 10);

        var request = batcher.Enqueue(1, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public async Task A_completed_queue_refuses_as_stopping_not_as_full()
    {
        var batcher = new RequestBatcher<int, int>("test queue", (batch, _) => Task.FromResult<IReadOnlyList<int>>(batch), maxWeight: 10, parallelism: 1, capacity: 10);
        batcher.Complete();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.Enqueue(1, CancellationToken.None));
        Assert.Contains("stopping", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A database that answers nothing until opened, and says when it was first asked.</summary>
    private sealed class GatedDatabase
    {
        private readonly TaskCompletionSource _gate = new();
        private readonly TaskCompletionSource _serving = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<int> _served = [];

        public Task Serving => _serving.Task;

        public IReadOnlyList<int> Served
        {
            get
            {
                lock (_served)
                {
                    return [.. _served];
                }
            }
        }

        public void Open() => _gate.SetResult();

        public RequestBatcher<int, int> Batcher(int maxWeight, int capacity) =>
            new("test queue", ServeAsync, maxWeight, parallelism: 1, capacity);

        private async Task<IReadOnlyList<int>> ServeAsync(IReadOnlyList<int> batch, CancellationToken cancellationToken)
        {
            _serving.TrySetResult();
            await _gate.Task;
            lock (_served)
            {
                _served.AddRange(batch);
            }

            return batch;
        }
    }
}
