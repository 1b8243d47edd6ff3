namespace PositionManager.Alpaca.Tests.Support;

/// <summary>A stream's RunAsync going on in the background for one test, stopped (and awaited) on dispose.</summary>
internal sealed class BackgroundRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public BackgroundRun(Func<CancellationToken, Task> run) => Task = run(_stop.Token);

    public Task Task { get; }

    /// <summary>Cancels and waits for RunAsync to return, proving it stops when told.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
