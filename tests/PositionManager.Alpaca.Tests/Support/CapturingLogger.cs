using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Tests.Support;

/// <summary>Keeps every log line with its structured values and exception, so a test can search them all.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public string All => string.Join('\n', _lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        _lines.Enqueue($"{logLevel} {formatter(state, exception)} | {values} | {exception}");
    }
}
