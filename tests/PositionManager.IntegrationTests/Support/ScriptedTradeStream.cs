using PositionManager.Alpaca.Streaming;

namespace PositionManager.IntegrationTests.Support;

/// <summary>
/// A trade stream the test drives: it says "listening" and "down" when told and never delivers an
/// update, so the gateway learns what became of its orders only by polling, as after a real gap.
/// </summary>
public sealed class ScriptedTradeStream : ITradeUpdateSource
{
    private readonly TaskCompletionSource<ITradeUpdateSink> _sink = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(ITradeUpdateSink sink, CancellationToken cancellationToken)
    {
        _sink.TrySetResult(sink);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The gateway stopped.
        }
    }

    public async Task ListeningAsync() => (await Sink().ConfigureAwait(false)).OnListening();

    public async Task DownAsync(string reason) => (await Sink().ConfigureAwait(false)).OnDisconnected(reason);

    private Task<ITradeUpdateSink> Sink() => _sink.Task.WaitAsync(TimeSpan.FromSeconds(20));
}
