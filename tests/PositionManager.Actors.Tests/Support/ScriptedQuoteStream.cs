using PositionManager.Alpaca.MarketData.Streaming;

namespace PositionManager.Actors.Tests.Support;

/// <summary>A quote stream the test speaks for: it hands out the feed's sink and records what the feed watches.</summary>
public sealed class ScriptedQuoteStream : IQuoteStream
{
    private readonly TaskCompletionSource<IQuoteSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile IReadOnlyCollection<string> _watched = [];

    public IReadOnlyCollection<string> Watched => _watched;

    public void Watch(IReadOnlyCollection<string> symbols) => _watched = [.. symbols];

    /// <summary>The sink the feed gave the stream when it started running it.</summary>
    public Task<IQuoteSink> SinkAsync() => _sink.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public async Task RunAsync(IQuoteSink sink, CancellationToken cancellationToken)
    {
        _sink.TrySetResult(sink);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The feed stopped.
        }
    }
}
