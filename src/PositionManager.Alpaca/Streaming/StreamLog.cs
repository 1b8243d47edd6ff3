using Microsoft.Extensions.Logging;

namespace PositionManager.Alpaca.Streaming;

/// <summary>
/// The log lines every Alpaca stream writes, worded the same but for the stream's name: structured,
/// and never the auth message or a key. Each stream keeps the event ids its lines always had, so
/// filters and alerts on them go on working.
/// </summary>
internal sealed class StreamLog
{
    private readonly Action<ILogger, string, TimeSpan, Exception?> _disconnected;
    private readonly Action<ILogger, TimeSpan, Exception?> _unauthorized;
    private readonly Action<ILogger, string, Exception?> _malformedSkipped;
    private readonly Action<ILogger, string, Exception?> _sinkFailed;
    private readonly Action<ILogger, Exception?> _stopped;

    /// <param name="stream">How each line names the stream, e.g. "Trade stream".</param>
    /// <param name="firstEventId">The id of <see cref="Disconnected"/>; the other lines follow it in declaration order.</param>
    public StreamLog(string stream, int firstEventId)
    {
        _disconnected = LoggerMessage.Define<string, TimeSpan>(
            LogLevel.Warning, new EventId(firstEventId, nameof(Disconnected)), stream + " down: {Reason}; reconnecting in {Delay}");
        _unauthorized = LoggerMessage.Define<TimeSpan>(
            LogLevel.Error, new EventId(firstEventId + 1, nameof(Unauthorized)), stream + " refused the keys; check APCA_API_KEY_ID and APCA_API_SECRET_KEY. Retrying in {Delay}");
        _malformedSkipped = LoggerMessage.Define<string>(
            LogLevel.Warning, new EventId(firstEventId + 2, nameof(MalformedSkipped)), stream + " message skipped: {Problem}");
        _sinkFailed = LoggerMessage.Define<string>(
            LogLevel.Error, new EventId(firstEventId + 3, nameof(SinkFailed)), stream + " sink failed in {Callback}");
        _stopped = LoggerMessage.Define(
            LogLevel.Information, new EventId(firstEventId + 4, nameof(Stopped)), stream + " stopped");
    }

    public void Disconnected(ILogger logger, string reason, TimeSpan delay) => _disconnected(logger, reason, delay, null);

    public void Unauthorized(ILogger logger, TimeSpan delay) => _unauthorized(logger, delay, null);

    public void MalformedSkipped(ILogger logger, string problem) => _malformedSkipped(logger, problem, null);

    public void SinkFailed(ILogger logger, string callback, Exception exception) => _sinkFailed(logger, callback, exception);

    public void Stopped(ILogger logger) => _stopped(logger, null);
}
