using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>An <see cref="AlpacaOptionsQuoteStream"/> running in the background for one test, stopped (and awaited) on dispose.</summary>
internal sealed class RunningQuoteStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();

    private RunningQuoteStream(AlpacaSettings settings, IReadOnlyCollection<string> watched, ILogger? logger)
    {
        Stream = new AlpacaOptionsQuoteStream(settings, OptionsFeed.Indicative, TimeProvider.System, logger, RunningStream.QuickOptions);
        Stream.Watch(watched);
        Run = Stream.RunAsync(Sink, _stop.Token);
    }

    public AlpacaOptionsQuoteStream Stream { get; }

    public RecordingQuoteSink Sink { get; } = new();

    public Task Run { get; }

    public static RunningQuoteStream Start(AlpacaSettings settings, IReadOnlyCollection<string> watched, ILogger? logger = null) => new(settings, watched, logger);

    /// <summary>Cancels and waits for RunAsync to return, proving it stops when told.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
