using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.MarketData;
using PositionManager.Alpaca.MarketData.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>An <see cref="AlpacaOptionsQuoteStream"/> running in the background for one test, stopped (and awaited) on dispose.</summary>
internal sealed class RunningQuoteStream : IAsyncDisposable
{
    private readonly BackgroundRun _run;

    private RunningQuoteStream(AlpacaSettings settings, IReadOnlyCollection<string> watched, ILogger? logger)
    {
        Stream = new AlpacaOptionsQuoteStream(settings, OptionsFeed.Indicative, TimeProvider.System, logger, RunningStream.QuickOptions);
        Stream.Watch(watched);
        _run = new BackgroundRun(token => Stream.RunAsync(Sink, token));
    }

    public AlpacaOptionsQuoteStream Stream { get; }

    public RecordingQuoteSink Sink { get; } = new();

    public Task Run => _run.Task;

    public static RunningQuoteStream Start(AlpacaSettings settings, IReadOnlyCollection<string> watched, ILogger? logger = null) => new(settings, watched, logger);

    /// <summary>Cancels and waits for RunAsync to return, proving it stops when told.</summary>
    public Task StopAsync() => _run.StopAsync();

    public ValueTask DisposeAsync() => _run.DisposeAsync();
}
