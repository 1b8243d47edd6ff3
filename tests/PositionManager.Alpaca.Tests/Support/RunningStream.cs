using Microsoft.Extensions.Logging;
using PositionManager.Alpaca.Streaming;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>An <see cref="AlpacaTradeUpdateStream"/> running in the background for one test, stopped (and awaited) on dispose.</summary>
internal sealed class RunningStream : IAsyncDisposable
{
    /// <summary>Short delays so reconnects happen within a test; the unauthorized wait is long so a test sees exactly one attempt.</summary>
    public static readonly StreamOptions QuickOptions = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        UnauthorizedBackoff = TimeSpan.FromMinutes(10),
        HandshakeTimeout = TimeSpan.FromSeconds(10),
    };

    private readonly BackgroundRun _run;

    private RunningStream(AlpacaSettings settings, ILogger? logger)
    {
        var stream = new AlpacaTradeUpdateStream(settings, TimeProvider.System, logger, QuickOptions);
        _run = new BackgroundRun(token => stream.RunAsync(Sink, token));
    }

    public RecordingSink Sink { get; } = new();

    public Task Run => _run.Task;

    public static RunningStream Start(AlpacaSettings settings, ILogger? logger = null) => new(settings, logger);

    /// <summary>Cancels and waits for RunAsync to return, proving it stops when told.</summary>
    public Task StopAsync() => _run.StopAsync();

    public ValueTask DisposeAsync() => _run.DisposeAsync();
}
