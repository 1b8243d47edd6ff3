using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PositionManager.IntegrationTests.Notifications;

/// <summary>Keeps every log line with its structured values, so a test can count failures and search for secrets.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IReadOnlyList<(LogLevel Level, string Line)> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        _lines.Enqueue((logLevel, $"{formatter(state, exception)} | {values} | {exception}"));
    }
}
