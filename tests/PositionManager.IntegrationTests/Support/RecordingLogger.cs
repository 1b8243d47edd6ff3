using Microsoft.Extensions.Logging;

namespace PositionManager.IntegrationTests.Support;

/// <summary>Keeps each line a node logs, level first, for a test that reads what an operator would.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Add($"{logLevel}: {formatter(state, exception)}");
}
